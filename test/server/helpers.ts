import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { z } from 'zod';
import { expect } from 'vitest';
import { buildGraph, listSeedFiles, type EtlResult } from '../../graph/etl/build-graph.ts';
import { readSourceFile } from '../../graph/etl/read-source.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { ErrorBodySchema, type ErrorBody } from '../../graph/api/index.ts';

export interface Running {
  base: string;
  close(): Promise<void>;
}

/** Listens on an ephemeral port on loopback: tests talk real HTTP to the app. */
export async function listen(app: Express): Promise<Running> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

let seedEtl: Promise<EtlResult> | undefined;

/** The real ETL over the real seeds, once per test file. */
export function seedGraph(): Promise<EtlResult> {
  seedEtl ??= (async () => buildGraph(await Promise.all((await listSeedFiles('seeds')).map((f) => readSourceFile(f)))))();
  return seedEtl;
}

/** The embedded store (no persistence) loaded with the seed graph. */
export async function seedStore(): Promise<MemoryGraphStore> {
  const store = new MemoryGraphStore(null);
  await store.loadGraph((await seedGraph()).graph);
  return store;
}

/** GET (or POST JSON) and parse the body with the shared schema, asserting the status. */
export async function getJson<S extends z.ZodType>(base: string, path: string, schema: S, status = 200): Promise<z.output<S>> {
  const res = await fetch(base + path);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return schema.parse(JSON.parse(text));
}

/** An error response, parsed with the shared error schema; never a stack trace. */
export async function getError(base: string, path: string, status: number, init?: RequestInit): Promise<ErrorBody['error']> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return ErrorBodySchema.parse(JSON.parse(text)).error;
}

export function postJson(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
