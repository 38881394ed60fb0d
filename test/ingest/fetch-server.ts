import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FORMATS = 'test/fixtures/formats';
const FETCH = 'test/fixtures/fetch';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

export interface FixtureSite {
  /** http://127.0.0.1:port */
  origin: string;
  /** The same server under another host name: another site to the fetcher. */
  other: string;
  /** Every request as host + path, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local government site for the fetch tests: the fixtures of test/fixtures/formats and
 * test/fixtures/fetch, redirect chains (/moved/N/x → … → /files/x), an oversized, a mistyped and a
 * silent response, and a redirect to another host.
 */
export async function startFixtureSite(): Promise<FixtureSite> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  let port = 0;
  const other = () => `http://localhost:${port}`;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.headers.host ?? ''}${path}`);
    const send = (type: string, body: Buffer | string) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const moved = /^\/moved\/(\d+)\/(.+)$/.exec(path);
    if (moved) {
      const n = Number(moved[1]);
      res.writeHead(302, { location: n > 1 ? `/moved/${n - 1}/${moved[2]}` : `/files/${moved[2]}` });
      return void res.end();
    }
    if (path === '/offsite/table.xlsx') {
      res.writeHead(301, { location: `${other()}/files/000-division.xlsx` });
      return void res.end();
    }
    if (path === '/files/huge.xlsx') {
      // Says 150 MB and sends nothing: the size alone must refuse it.
      res.writeHead(200, { 'content-type': TYPES['.xlsx']!, 'content-length': String(150 * 1024 * 1024) });
      res.flushHeaders();
      hanging.add(res);
      return;
    }
    if (path === '/files/login.xlsx') return send(TYPES['.html']!, '<html><body><p>请先登录</p></body></html>');
    if (path === '/files/slow.pdf') return void hanging.add(res); // never answers
    if (path === '/notice.html') return send(TYPES['.html']!, readFileSync(join(FETCH, 'notice.html'), 'utf8').replaceAll('__OTHER__', other()));
    if (path === '/files/notes.html') return send(TYPES['.html']!, readFileSync(join(FETCH, 'notes.html')));
    const file = /^\/(?:files|zfgb)\/([\w.-]+)$/.exec(path)?.[1];
    const type = file ? TYPES[file.slice(file.lastIndexOf('.'))] : undefined;
    if (file && type) {
      try {
        return send(type, readFileSync(join(FORMATS, file)));
      } catch {
        // not a fixture: 404 below
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    other: other(),
    requests,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
