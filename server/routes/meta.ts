import { Router } from 'express';
import { renderDocsPage } from '../docs-page.ts';
import { buildOpenApi } from '../openapi.ts';

export function metaRoutes(version: string): Router {
  const r = Router();
  // Built once: the schemas do not change while the server runs.
  const openapi = buildOpenApi(version);
  const page = renderDocsPage(version);
  r.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  r.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return r;
}
