import { readFileSync } from 'node:fs';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { SourceLibrary } from '../graph/ingest/library.ts';
import type { GraphStore } from '../graph/store/types.ts';
import { etlConsistencyCheck } from './consistency-check.ts';
import { createContext, type AppContext, type ConsistencyCheck } from './context.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { hostAllowList } from './http/host-guard.ts';
import { cachedReads, ResponseCache } from './http/response-cache.ts';
import { composeRevision, type Revisioned } from './revision.ts';
import { adminRoutes } from './routes/admin.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { createUploadRouter } from './routes/documents-upload.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/export.ts';
import { healthRoutes } from './routes/health.ts';
import { metaRoutes } from './routes/meta.ts';
import { nodeRoutes } from './routes/nodes.ts';
import { pathRoutes } from './routes/paths.ts';
import { searchRoutes } from './routes/search.ts';
import { createFolderSources, type SourceProvider } from './sources.ts';
import { staticUi } from './static.ts';

export interface AppOptions {
  /** Store calls slower than this answer 503 (default 10 s). */
  timeoutMs?: number;
  /** JSON body limit, express syntax (default 100kb). */
  bodyLimit?: string;
  /** An origin allowed cross-origin reads; none by default. */
  corsOrigin?: string;
  /** Built web UI (default dist/web); null serves the API only. */
  staticDir?: string | null;
  version?: string;
  /** Enables POST /api/admin/reload behind `Authorization: Bearer <token>`; off when unset. */
  adminToken?: string;
  /** Host names served besides the loopback ones (ALLOWED_HOSTS); `*` serves any. */
  allowedHosts?: readonly string[];
  /** Document writes also need `Authorization: Bearer <adminToken>` (set when bound to a non-loopback address). */
  writesNeedToken?: boolean;
  log?: (msg: string, err: unknown) => void;
}

export interface CreateAppInput {
  store: GraphStore;
  /** Source texts for /api/documents/:doc/lines and /api/consistency (default data/sources/, then seeds/). */
  sources?: SourceProvider;
  /** The text-vs-table check behind /api/consistency (default: the ETL's, over `sources`). */
  consistencyCheck?: ConsistencyCheck;
  /**
   * Document library routes (upload status, loaded documents, merge review). Their write routes
   * exist only when `enabled` (ALLOW_UPLOADS); without this option none of them is mounted.
   */
  uploads?: { library: SourceLibrary; enabled: boolean; maxBytes?: number };
  /** Re-read data the CLI wrote (the embedded store's snapshot); true when something was read. */
  reload?: () => Promise<boolean>;
  options?: AppOptions;
}

/** Read routes whose answer depends only on the graph (and the sources loaded with it). */
const CACHEABLE = /^\/(health|search|paths|consistency|nodes\/|analysis\/|documents$|documents\/[^/]+\/lines$)/;

export type App = Express & { locals: { ctx: AppContext } };

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function cors(origin: string): RequestHandler {
  return (req, res, next) => {
    res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
    if (req.method === 'OPTIONS') {
      res.set({ 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type' }).status(204).end();
      return;
    }
    next();
  };
}

/** The HTTP app over a GraphStore; read-only, no listen (server/main.ts listens, tests use port 0). */
export function createApp({ store, sources, consistencyCheck, uploads, reload, options = {} }: CreateAppInput): App {
  const version = options.version ?? packageVersion();
  const ctx = createContext(store, sources ?? createFolderSources(['data/sources', 'seeds']), consistencyCheck ?? etlConsistencyCheck, options.timeoutMs ?? 10_000, version);
  const app = express() as App;
  app.locals.ctx = ctx;
  const responses = new ResponseCache();
  const invalidateDerived = ctx.invalidate;
  ctx.invalidate = () => {
    invalidateDerived();
    responses.clear();
  };
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(hostAllowList(options.allowedHosts));
  const library = uploads?.library ?? (sources && 'revision' in sources ? (sources as unknown as Revisioned) : undefined);
  app.use('/api', cachedReads(responses, composeRevision(store, library), (path) => CACHEABLE.test(path)));
  // Served over plain HTTP on a local port: no HSTS and no upgrade-insecure-requests, which would
  // send a LAN browser to an https:// port nobody listens on.
  app.use(helmet({ strictTransportSecurity: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  const api = express.Router();
  if (options.corsOrigin) api.use(cors(options.corsOrigin));
  const json = express.json({ limit: options.bodyLimit ?? '100kb' });
  // An upload carries a whole document: its route reads its own body with the upload limit.
  api.use((req, res, next) => (req.path === '/admin/documents' ? next() : json(req, res, next)));
  for (const routes of [healthRoutes, searchRoutes, nodeRoutes, pathRoutes, analysisRoutes, documentRoutes, exportRoutes]) api.use(routes(ctx));
  if (uploads) {
    const { library, enabled, maxBytes } = uploads;
    const writeToken = options.writesNeedToken ? options.adminToken : undefined;
    api.use(createUploadRouter({ store, library, enabled, ...(maxBytes ? { maxBytes } : {}), ...(writeToken ? { writeToken } : {}), onChange: () => ctx.invalidate() }));
  }
  if (options.adminToken) api.use(adminRoutes(ctx, options.adminToken, reload ?? (async () => false)));
  api.use(metaRoutes(version));
  api.use(apiNotFound);
  app.use('/api', api);

  if (options.staticDir !== null) app.use(staticUi(options.staticDir ?? 'dist/web'));
  app.use(apiNotFound);
  app.use(errorHandler(options.log));
  return app;
}
