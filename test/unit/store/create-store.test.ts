import { describe, expect, it } from 'vitest';
import { createStore, storeConfigFromEnv } from '../../../graph/store/create-store.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';

describe('storeConfigFromEnv', () => {
  it('defaults to the embedded store under data/', () => {
    expect(storeConfigFromEnv({})).toEqual({ kind: 'memory', dataDir: 'data' });
    expect(storeConfigFromEnv({ NEO4J_URI: '' })).toEqual({ kind: 'memory', dataDir: 'data' });
  });

  it('selects Neo4j when NEO4J_URI is set, with the other variables', () => {
    expect(storeConfigFromEnv({ NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'pw' })).toEqual({
      kind: 'neo4j', dataDir: 'data', uri: 'neo4j://db:7687', user: 'neo4j', password: 'pw', database: undefined, graph: 'policy_graph',
    });
    const c = storeConfigFromEnv({ NEO4J_URI: 'bolt+s://db', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'policy' });
    expect(c.kind === 'neo4j' && [c.user, c.database]).toEqual(['u', 'policy']);
  });

  it('keeps the embedded store under DATA_DIR when set', () => {
    expect(storeConfigFromEnv({ DATA_DIR: '/srv/policy' })).toEqual({ kind: 'memory', dataDir: '/srv/policy' });
    expect(storeConfigFromEnv({ DATA_DIR: '/srv/policy' }, { dataDir: '/tmp/y' })).toEqual({ kind: 'memory', dataDir: '/tmp/y' });
  });

  it('honours overrides', () => {
    expect(storeConfigFromEnv({ NEO4J_URI: 'neo4j://db' }, { kind: 'memory', dataDir: '/tmp/x' })).toEqual({ kind: 'memory', dataDir: '/tmp/x' });
  });

  it('names the variable that is wrong', () => {
    expect(() => storeConfigFromEnv({ NEO4J_URI: 'http://db:7474' })).toThrow(/NEO4J_URI/);
    expect(() => storeConfigFromEnv({ NEO4J_URI: 'neo4j://db', NEO4J_DATABASE: 'no spaces' })).toThrow(/NEO4J_DATABASE/);
    expect(() => storeConfigFromEnv({}, { kind: 'neo4j' })).toThrow(InvalidInputError);
    try {
      storeConfigFromEnv({}, { kind: 'neo4j' });
    } catch (e) {
      expect((e as InvalidInputError).field).toBe('NEO4J_URI');
    }
  });
});

describe('createStore', () => {
  it('opens an empty embedded store when there is no snapshot', async () => {
    const s = await createStore({ kind: 'memory', dataDir: '/nonexistent/pg-test' });
    expect(s.kind).toBe('memory');
    expect((await s.counts()).totalNodes).toBe(0);
  });
});
