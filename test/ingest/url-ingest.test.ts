import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../graph/cli/commands/ingest.ts';
import { httpGet } from '../../graph/ingest/fetch/http-get.ts';
import { fetchOptions } from '../../graph/ingest/fetch/fetch-options.ts';
import { attachmentLinks } from '../../graph/ingest/fetch/page-links.ts';
import { fileNameOf, urlInputs } from '../../graph/ingest/fetch/url-inputs.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { startFixtureSite, type FixtureSite } from './fetch-server.ts';
import { S000 } from './helpers.ts';
import { storeFlags, storedGraph, useCliEnv } from './cli-env.ts';
import { documentOf, roles, rowIds } from './table-roles.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

let dir: string;
let before: GraphJson;
let out: string[];
let err: string[];
useCliEnv('kg-url-', (e) => {
  dir = e.dir;
  before = e.before;
  out = e.out;
  err = e.err;
  site.requests.length = 0;
});
const flags = () => storeFlags(dir);
const graphNow = () => storedGraph(dir);
const entries = () => (JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as { documents: { file: string; url?: string; attachedTo?: string; ingestedFrom?: string }[] }).documents;

describe('kg ingest <url>', () => {
  it('fetches the page and the attachments it links on its own site; each refused one gets one line and the rest loads', async () => {
    const o = site.origin;
    expect(await ingestCommand.run([`${o}/notice.html`, '--timeout', '0.5', ...flags()])).toBe(1);
    const lines = out.join('\n').split('\n').filter((l) => /^(new|updated|unchanged|refused|held) /.test(l));
    expect(lines.map((l) => l.replace(/ {2}nodes .*$/, ''))).toEqual([
      `new       ${o}/notice.html → notice.txt (html, utf-8)`,
      `new       ${o}/files/000-division.xlsx → 000-division.txt (xlsx, utf-8)`,
      expect.stringMatching(new RegExp(`^new {7}${o}/files/000-division\\.docx → 000-division_[0-9a-f]{8}\\.txt \\(docx, utf-8\\)$`)),
      `new       ${o}/files/004-printed.pdf → 004-printed.txt (pdf, utf-8)`,
      `new       ${o}/files/notes.html → notes.txt (html, utf-8)`,
      // Five redirects are followed: it is the table of 附件1 again, at the same address.
      `unchanged ${o}/moved/5/000-division.xlsx → 000-division.txt (xlsx, utf-8)`,
      `refused   ${o}/moved/6/table.xlsx: more than 5 redirects`,
      `refused   ${o}/files/huge.xlsx: response too large (150 MB, cap 100 MB)`,
      `refused   ${o}/files/login.xlsx: a .xlsx link served as text/html, not a .xlsx file`,
      `refused   ${o}/files/slow.pdf: no answer within 0.5 s`,
      `refused   ${o}/offsite/table.xlsx: redirected to another site (${site.other.slice(7)}), not fetched`,
      `refused   ${o}/files/removed.pdf: HTTP 404 Not Found`,
    ]);
    expect(out.join('\n')).toContain('documents: 5 new, 0 updated, 1 unchanged, 6 refused, 0 failed');
    expect(err).toContain(`skipped   ${site.other}/files/plan.xlsx: on another site (${site.other.slice(7)}), not fetched`);
    // Nothing was asked of the other site, nor of the menu and the unmarked .html link.
    expect(site.requests.filter((r) => !r.startsWith('127.0.0.1:'))).toEqual([]);
    const paths = site.requests.map((r) => r.slice(r.indexOf('/')));
    for (const p of ['/index.html', '/zwgk/list.html', '/zwgk/related.html']) expect(paths).not.toContain(p);

    const g = await graphNow();
    const page = documentOf(g, 'notice.txt')!;
    expect(page.props).toMatchObject({ url: `${o}/notice.html`, title: '关于公布深圳国家创新型城市总体规划实施方案附表的通知' });
    expect(page.props['attachedTo']).toBeUndefined();
    const docs = entries();
    const attachments = docs.filter((d) => d.attachedTo !== undefined);
    expect(attachments.map((d) => d.ingestedFrom).sort()).toEqual([`${o}/files/000-division.docx`, `${o}/files/000-division.xlsx`, `${o}/files/004-printed.pdf`, `${o}/files/notes.html`]);
    for (const d of attachments) {
      expect(d.attachedTo).toBe(page.id);
      expect(d.url).toBe(d.ingestedFrom);
      expect(documentOf(g, d.file)!.props).toMatchObject({ url: d.url, attachedTo: `document:${o}/notice.html` });
    }
    // The stored text starts with the address, as a seed does; the xlsx's sheet rows moved down one line with it.
    const xlsx = readFileSync(join(dir, 'sources', '000-division.txt'), 'utf8').split('\n');
    expect(xlsx.slice(0, 2)).toEqual([`${o}/files/000-division.xlsx`, '信息名称: 深圳国家创新型城市总体规划实施方案分工一览表']);
    for (const e of g.edges.flatMap((x) => x.evidence).filter((e) => e.doc === '000-division.txt')) {
      expect(xlsx[e.line - 1]).toContain(e.quote);
      expect(e).toHaveProperty('sheet', '分工一览表');
    }
  });

  it('the page of seed 000 at a served address: that address is its URL, its .xlsx gives the seed’s 124 rows with the same LEADS and COOPERATES', async () => {
    const page = `${site.origin}/zfgb/000-plan.html`;
    const table = `${site.origin}/zfgb/000-division.xlsx`;
    // Without its table the page takes most of seed 000 away: held back; the table loads, attached to seed 000's Document.
    expect(await ingestCommand.run([page, ...flags()])).toBe(1);
    expect(out.join('\n')).toMatch(new RegExp(`held {6}${page}: held back: .*table rows 124 → 0`));
    expect(out.join('\n')).toContain(`new       ${table} → 000-division.txt (xlsx, utf-8)`);
    let g = await graphNow();
    expect(documentOf(g, '000-division.txt')!.props['attachedTo']).toBe('document:深府〔2009〕9号');
    expect(rowIds(g, '000-division.txt')).toEqual(rowIds(before, S000));
    expect(rowIds(g, '000-division.txt').size).toBe(124);
    expect(roles(g, '000-division.txt', 'LEADS')).toEqual(roles(before, S000, 'LEADS'));
    expect(roles(g, '000-division.txt', 'COOPERATES')).toEqual(roles(before, S000, 'COOPERATES'));

    out.length = 0;
    expect(await ingestCommand.run([page, '--force', ...flags()])).toBe(0);
    expect(out.join('\n')).toContain(`updated   ${page} → ${S000} (html, utf-8)`);
    expect(out.join('\n')).toContain(`unchanged ${table} → 000-division.txt (xlsx, utf-8)`);
    g = await graphNow();
    // The served address replaces the "saved from" mark of www.sz.gov.cn: in the text, the Document and the index.
    expect(documentOf(g, S000)!.props['url']).toBe(page);
    expect(readFileSync(join(dir, 'sources', S000), 'utf8').split('\n')[0]).toBe(page);
    expect(entries().find((d) => d.file === S000)!.url).toBe(page);
    expect(rowIds(g, S000).size).toBe(0);
    expect(documentOf(g, '000-division.txt')!.props['attachedTo']).toBe(documentOf(g, S000)!.id);
  });
});

describe('fetch limits', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/stream.xlsx') {
        // No Content-Length: 2 MB in 64 KB chunks.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        for (let i = 0; i < 32; i++) res.write(chunk);
        return void res.end();
      }
      if (req.url === '/trickle.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.write('%PDF-1.4\n');
        const t = setInterval(() => res.write(' '), 50);
        return void res.on('close', () => clearInterval(t));
      }
      if (req.url === '/logo.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return void res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      }
      if (req.url === '/report') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return void res.end(readFileSync('test/fixtures/formats/004-printed.pdf'));
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a body past the cap with no Content-Length is cut off as it streams', async () => {
    const opts = fetchOptions({ maxBytes: 1024 * 1024 });
    await expect(httpGet(new URL(`${origin}/stream.xlsx`), opts)).rejects.toThrow('response too large (more than the cap of 1 MB)');
    const ok = await httpGet(new URL(`${origin}/stream.xlsx`), fetchOptions({ maxBytes: 4 * 1024 * 1024 }));
    expect(ok.bytes.length).toBe(2 * 1024 * 1024);
    expect(ok.contentType).toBe('application/octet-stream');
  });

  it('a response that answers but never finishes is refused at the total time', async () => {
    const t0 = performance.now();
    await expect(httpGet(new URL(`${origin}/trickle.pdf`), fetchOptions({ totalMs: 300 }))).rejects.toThrow('no complete response within 0.3 s');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a URL on the command line must be a page or a supported document: a picture is refused, a PDF is one document', async () => {
    const { inputs, skipped } = await urlInputs([`${origin}/logo.png`, `${origin}/report`, 'ftp://example.org/a.pdf', `${origin}/gone.html`]);
    expect(skipped).toEqual([]);
    const read = await Promise.allSettled(inputs.map((i) => i.read()));
    expect(read.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual([
      'served as image/png, not an HTML page or a supported document',
      'ok',
      'not an http or https URL',
      'HTTP 404 Not Found',
    ]);
    expect(inputs[1]).toMatchObject({ input: `${origin}/report`, name: 'report.pdf', url: `${origin}/report` });
  });
});

describe('attachment links of a page', () => {
  it('resolves against <base href>, keeps each file once, takes .html only when marked 附件, leaves other sites out', () => {
    const html = `<html><head><base href="http://www.sz.gov.cn/zfgb/2009/"></head><body>
      <a href="/index.html">首页</a> <a href="javascript:void(0)">打印</a> <a href="mailto:a@b.cn">信箱</a> <a href="http://[bad">坏链接</a>
      <p>附件：<a href="t1.xlsx">分工表</a>、<a href="t1.xlsx#sheet2">分工表</a>、<a href="./%E9%99%84%E4%BB%B62.pdf">附件2</a></p>
      <p>相关：<a href="notes.html">说明</a></p><p><a href="guide.htm">附件3 办事指南</a></p>
      <a href="https://www.gd.gov.cn/a.docx">省里的文件</a> <a href="http://www.sz.gov.cn/zfgb/2009/t1.XLSX?v=2">新版</a></body></html>`;
    const links = attachmentLinks(html, new URL('http://www.sz.gov.cn/zfgb/2009/t20090219_818790.htm'));
    expect(links.attachments.map((u) => u.href)).toEqual([
      'http://www.sz.gov.cn/zfgb/2009/t1.xlsx',
      'http://www.sz.gov.cn/zfgb/2009/%E9%99%84%E4%BB%B62.pdf',
      'http://www.sz.gov.cn/zfgb/2009/guide.htm',
      'http://www.sz.gov.cn/zfgb/2009/t1.XLSX?v=2',
    ]);
    expect(links.elsewhere.map((u) => u.href)).toEqual(['https://www.gd.gov.cn/a.docx']);
    expect(fileNameOf(links.attachments[1]!, '.pdf')).toBe('附件2.pdf');
    expect(fileNameOf(new URL('http://www.sz.gov.cn/'), '.html')).toBe('www.sz.gov.cn.html');
  });
});
