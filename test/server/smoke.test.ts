import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '../../graph/api/index.ts';
import { createApp } from '../../server/app.ts';
import { listen, seedStore, getJson, type Running } from './helpers.ts';

describe('smoke', () => {
  let srv: Running;
  beforeAll(async () => {
    srv = await listen(createApp({ store: await seedStore(), options: { staticDir: null } }));
  });
  afterAll(() => srv.close());
  it('health', async () => {
    const h = await getJson(srv.base, '/api/health', HealthResponseSchema);
    expect(h.counts.totalNodes).toBeGreaterThan(100);
  });
});
