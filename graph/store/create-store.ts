import { z } from 'zod';
import type { GraphStore } from './types.ts';
import { InvalidInputError } from './errors.ts';
import { MemoryGraphStore } from './memory/memory-store.ts';
import { DEFAULT_GRAPH, graphLabel } from './neo4j/namespace.ts';

export type StoreConfig =
  | { kind: 'memory'; dataDir: string }
  | { kind: 'neo4j'; dataDir: string; uri: string; user: string; password: string | undefined; database: string | undefined; graph: string };

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .trim()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must look like neo4j://host:7687 or bolt://host:7687')
    .optional(),
  NEO4J_USER: z.string().trim().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name').optional(),
  NEO4J_GRAPH: z.string().trim().optional(),
});

/** Empty variables count as unset: `NEO4J_URI= npm start` means "no Neo4j". */
function present(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

/**
 * Which store to use: Neo4j when NEO4J_URI is set (unless overridden), else the embedded one,
 * kept under DATA_DIR (default `data`). On Neo4j, NEO4J_GRAPH (default policy_graph) names the
 * graph: the label all its nodes carry, so several graphs can share one database.
 * A malformed variable is an InvalidInputError naming it.
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv, overrides: { kind?: 'memory' | 'neo4j'; dataDir?: string } = {}): StoreConfig {
  const parsed = EnvSchema.safeParse({
    NEO4J_URI: present(env, 'NEO4J_URI'),
    NEO4J_USER: present(env, 'NEO4J_USER'),
    NEO4J_PASSWORD: env['NEO4J_PASSWORD'] || undefined,
    NEO4J_DATABASE: present(env, 'NEO4J_DATABASE'),
    NEO4J_GRAPH: present(env, 'NEO4J_GRAPH'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'NEO4J_URI');
    throw new InvalidInputError(`${name} ${issue?.message ?? 'is invalid'}`, name);
  }
  const e = parsed.data;
  const dataDir = overrides.dataDir ?? present(env, 'DATA_DIR') ?? 'data';
  const kind = overrides.kind ?? (e.NEO4J_URI ? 'neo4j' : 'memory');
  if (kind === 'memory') return { kind, dataDir };
  if (!e.NEO4J_URI) throw new InvalidInputError('NEO4J_URI is not set: the Neo4j store needs it (e.g. neo4j://localhost:7687)', 'NEO4J_URI');
  // A label from a strict character set: labels cannot be parameters.
  const graph = graphLabel(e.NEO4J_GRAPH ?? DEFAULT_GRAPH);
  return { kind, dataDir, uri: e.NEO4J_URI, user: e.NEO4J_USER ?? 'neo4j', password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE, graph };
}

/**
 * Open the configured store. Memory: loads `<dataDir>/graph.json` when present. Neo4j: verifies
 * the connection, the credentials and the database first, and fails with a one-line
 * StoreUnavailableError naming the variable to fix.
 */
export async function createStore(config: StoreConfig): Promise<GraphStore> {
  if (config.kind === 'memory') return MemoryGraphStore.open(config.dataDir);
  // Loaded on demand: the embedded store never pays for the driver.
  const { openNeo4jStore } = await import('./neo4j/neo4j-store.ts');
  return openNeo4jStore(config);
}
