import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

const MISSING_BUILD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>policy-graph</title></head>
<body style="font:16px system-ui,sans-serif;margin:3rem"><h1>policy-graph</h1>
<p>The web UI has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>The API is up: <a href="/api/docs">/api/docs</a>.</p></body></html>
`;

/** Serves the built UI with SPA fallback to index.html for non-/api GETs; a hint page when unbuilt. */
export function staticUi(dir: string): Router {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const r = Router();
  const built = existsSync(index);
  if (built) r.use(express.static(root, { index: 'index.html', fallthrough: true }));
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    // A missing asset (a name with an extension) is a 404, not index.html served as script.
    if (/\.[a-z0-9]+$/i.test(req.path)) {
      res.status(404).type('text').send('not found');
      return;
    }
    // Checked per request so a build finished after start is picked up.
    if (existsSync(index)) res.sendFile(index);
    else res.status(200).type('html').send(MISSING_BUILD_PAGE);
  };
  r.use(fallback);
  return r;
}
