import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../graph/api/index.ts';
import { readServerEnv } from '../../server/env.ts';
import { exportText, spawnTs, useSeededApp, waitForOutput } from './support.ts';

// Safe defaults an operator gets without configuring anything.

function nonLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 2_000 });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.once('timeout', () => { s.destroy(); resolve(false); });
  });
}

describe('server defaults', () => {
  it('binds to loopback unless HOST says otherwise', async () => {
    expect(readServerEnv({}).HOST).toBe('127.0.0.1');
    const dataDir = mkdtempSync(join(tmpdir(), 'hardening-bind-'));
    const server = spawnTs('server/main.ts', [], { PORT: '0', HOST: '', DATA_DIR: dataDir, WEB_DIR: join(dataDir, 'no-ui'), NEO4J_URI: '' });
    try {
      const m = await waitForOutput(server, /on http:\/\/([^:/]+):(\d+)\//);
      expect(m[1]).toBe('127.0.0.1');
      const port = Number(m[2]);
      expect(await canConnect('127.0.0.1', port)).toBe(true);
      const outside = nonLoopbackAddress();
      if (outside) expect(await canConnect(outside, port)).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
      await server.done;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('over HTTP', () => {
    const seeded = useSeededApp();

    it('sends security headers and no framework banner', async () => {
      const res = await fetch(`${seeded.app.base}/api/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-frame-options') ?? res.headers.get('content-security-policy')).toMatch(/SAMEORIGIN|frame-ancestors 'self'|frame-ancestors 'none'/i);
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a request body over the limit with 413 and a JSON error', async () => {
      const ids = Array.from({ length: 20_000 }, (_, i) => `task:padding-${i}`);
      const res = await fetch(`${seeded.app.base}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'json', ids }) });
      expect(res.status).toBe(413);
      expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('payload_too_large');
    });

    it('refuses an oversized URL with a 4xx', async () => {
      const res = await fetch(`${seeded.app.base}/api/search?q=${'深'.repeat(20_000)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('has no write routes: every mutating method is refused and the graph is unchanged', async () => {
      const before = await exportText(seeded.store);
      const paths = ['/api/nodes/agency:发展改革局', '/api/graph', '/api/documents/000_2ebb2acb91732bad.txt', '/api/ingest', '/api/etl', '/api/search', '/api/health'];
      for (const path of paths) {
        for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
          const res = await fetch(`${seeded.app.base}${encodeURI(path)}`, { method, headers: { 'content-type': 'application/json' }, body: '{"nodes":[],"edges":[]}' });
          expect([404, 405], `${method} ${path}`).toContain(res.status);
          expect(ErrorBodySchema.safeParse(await res.json()).success, `${method} ${path} error body`).toBe(true);
        }
      }
      expect(await exportText(seeded.store)).toBe(before);
    });
  });
});
