import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { DocFileSchema } from '../../graph/api/endpoints.ts';
import { errorHandler } from '../../server/http/error-handler.ts';
import { createUploadRouter } from '../../server/routes/documents-upload.ts';
import { FIX, S000, seededEnv, type Env } from './helpers.ts';

let env: Env | undefined;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await env?.cleanup();
});

async function start(enabled: boolean, maxBytes?: number): Promise<{ base: string; changes: () => number }> {
  env = await seededEnv();
  let changes = 0;
  const app = express();
  app.use('/api', createUploadRouter({ store: env.store, library: env.library, enabled, ...(maxBytes ? { maxBytes } : {}), onChange: () => void changes++ }));
  app.use(errorHandler(() => undefined));
  server = app.listen(0);
  await new Promise((r) => server!.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, changes: () => changes };
}

/** The page's CSRF token, as the Documents panel reads it. */
const tokenOf = async (base: string) => ((await (await fetch(`${base}/uploads`)).json()) as { csrfToken: string }).csrfToken;
const upload = async (base: string, name: string, body: Uint8Array, force = false) =>
  fetch(`${base}/admin/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': await tokenOf(base) },
    body: JSON.stringify({ name, content: Buffer.from(body).toString('base64'), force }),
  });

describe('upload router', () => {
  it('has no write routes when uploads are off, and says so', async () => {
    const { base } = await start(false);
    expect(await (await fetch(`${base}/uploads`)).json()).toEqual({ enabled: false, maxBytes: 20 * 1024 * 1024 });
    const res = await fetch(`${base}/admin/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect((await fetch(`${base}/merges/reject`, { method: 'POST' })).status).toBe(404);
    const merges = (await (await fetch(`${base}/merges`)).json()) as { writable: boolean; candidates: unknown[] };
    expect(merges).toMatchObject({ writable: false, candidates: [] });
  });

  it('ingests an upload and reports it; refuses a binary file; a second upload is unchanged', async () => {
    const { base, changes } = await start(true);
    const bytes = readFileSync(`${FIX}/000-row-changed.txt`);
    const first = (await (await upload(base, '000-row-changed.txt', bytes)).json()) as { files: { status: string; file: string }[]; edgesAdded: number; edgesRemoved: number };
    expect(first.files).toEqual([expect.objectContaining({ status: 'updated', file: S000 })]);
    expect([first.edgesAdded, first.edgesRemoved]).toEqual([1, 1]);
    expect(changes()).toBe(1);
    const again = (await (await upload(base, '000-row-changed.txt', bytes)).json()) as { files: { status: string }[] };
    expect(again.files.map((f) => f.status)).toEqual(['unchanged']);
    const bin = (await (await upload(base, 'binary.txt', readFileSync(`${FIX}/binary.txt`))).json()) as { files: { status: string; message: string }[] };
    expect(bin.files).toEqual([expect.objectContaining({ status: 'refused', message: 'binary file (NUL byte at offset 8)' })]);
    expect(changes()).toBe(1);
    const listed = (await (await fetch(`${base}/documents/loaded`)).json()) as { documents: { file: string; origin: string }[] };
    expect(listed.documents.map((d) => [d.file, d.origin])).toEqual([[S000, 'ingested'], ['004_6d8794a7fddf0732.txt', 'seed']]);
  });

  it('a 200-character CJK upload name is stored under a name the evidence routes accept, and can be removed', async () => {
    const { base } = await start(true);
    const name = `${'深圳市关于加快推进科技创新工作的实施方案'.repeat(10).slice(0, 196)}.txt`;
    expect([...name].length).toBe(200);
    const text = '文   号: 深府〔2099〕2号\n\n一、总体要求\n责任单位：市教育局牵头。\n';
    const raw = await upload(base, name, Buffer.from(text));
    const res = (await raw.json()) as { files: { status: string; file: string }[] };
    expect(raw.status).toBe(200);
    expect(res.files[0]!.status).toBe('new');
    const file = res.files[0]!.file;
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(124);
    expect(DocFileSchema.safeParse(file).success).toBe(true);
    expect((await env!.library.readSource(file)).lines).toContain('责任单位：市教育局牵头。');
    const del = await fetch(`${base}/admin/documents/${encodeURIComponent(file)}`, { method: 'DELETE', headers: { 'x-csrf-token': await tokenOf(base) } });
    expect(del.status).toBe(200);
    expect(env!.library.entries().some((d) => d.file === file)).toBe(false);
  });

  it('rejects a path as a name and an upload over the size limit', async () => {
    const { base } = await start(true, 1000);
    const bad = await upload(base, '../etc/passwd', Buffer.from('x'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('name');
    const big = await upload(base, 'big.txt', Buffer.alloc(2000, 0x41));
    expect(big.status).toBe(413);
  });

  it('confirms and rejects merges', async () => {
    const { base, changes } = await start(true);
    const token = await tokenOf(base);
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify(body) });
    const ok = await post('/merges/confirm', { alias: 'institution:深圳大学城', canonical: 'agency:大学城管委会' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { rule: { canonical: string } }).rule.canonical).toBe('agency:大学城管委会');
    expect(changes()).toBe(1);
    expect((await post('/merges/confirm', { alias: 'agency:没有', canonical: 'agency:大学城管委会' })).status).toBe(404);
    expect((await post('/merges/reject', { a: 'agency:甲', b: 'agency:乙' })).status).toBe(200);
    const m = (await (await fetch(`${base}/merges`)).json()) as { merges: { alias: string }[]; rejections: { a: string }[] };
    expect(m.merges.map((x) => x.alias)).toEqual(['institution:深圳大学城']);
    expect(m.rejections.map((x) => x.a)).toEqual(['agency:甲']);
  });

  it('holds back the truncated re-download with a 409 naming the difference, applies it with force', async () => {
    const { base, changes } = await start(true);
    const bytes = readFileSync(`${FIX}/000-truncated.txt`);
    const held = await upload(base, '000-truncated.txt', bytes);
    expect(held.status).toBe(409);
    const body = (await held.json()) as { error: { code: string; message: string }; held: { file: string; before: { rows: number }; after: { rows: number } }[] };
    expect(body.error.code).toBe('conflict');
    expect(body.held).toEqual([expect.objectContaining({ file: S000, before: expect.objectContaining({ rows: 124 }), after: expect.objectContaining({ rows: 52 }) })]);
    expect(changes()).toBe(0);
    const forced = await upload(base, '000-truncated.txt', bytes, true);
    expect(forced.status).toBe(200);
    expect(((await forced.json()) as { files: { status: string }[] }).files.map((f) => f.status)).toEqual(['updated']);
  });

  it('refuses writes without the page token or from another origin', async () => {
    const { base } = await start(true);
    const token = await tokenOf(base);
    const body = JSON.stringify({ a: 'agency:甲', b: 'agency:乙' });
    const send = (headers: Record<string, string>) => fetch(`${base}/merges/reject`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await send({})).status).toBe(403);
    expect((await send({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await send({ 'x-csrf-token': token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await send({ 'x-csrf-token': token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({ 'x-csrf-token': token, origin: base.replace(/\/api$/, '') })).status).toBe(200);
  });
});
