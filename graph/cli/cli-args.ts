import { parseArgs } from 'node:util';
import { InvalidInputError } from '../store/errors.ts';

/** Flags every command understands; each command reads the ones it needs. */
export interface CliArgs {
  files: string[];
  store?: 'memory' | 'neo4j';
  data?: string;
  format?: string;
  out?: string;
  top: number;
  json: boolean;
  /** Apply replacements that would remove most of a document's facts. */
  force: boolean;
  /** kg ingest: files attached to the one document named (a table published with its notice). */
  attach?: string[];
  /** kg ingest <url>: seconds a server has for one whole response. */
  timeout?: number;
}

/** Strict parsing: an unknown flag is an InvalidInputError, not silently ignored. */
export function parseCliArgs(args: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      store: { type: 'string' },
      data: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      top: { type: 'string' },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      attach: { type: 'string', multiple: true },
      timeout: { type: 'string' },
    },
  });
  const store = values.store;
  if (store !== undefined && store !== 'memory' && store !== 'neo4j') throw new InvalidInputError(`--store must be memory or neo4j, not ${store}`, 'store');
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new InvalidInputError('--top must be a positive integer', 'top');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 3600)) throw new InvalidInputError('--timeout must be a number of seconds between 0 and 3600', 'timeout');
  return {
    files: positionals,
    ...(store ? { store } : {}),
    ...(values.data ? { data: values.data } : {}),
    ...(values.format ? { format: values.format } : {}),
    ...(values.out ? { out: values.out } : {}),
    top,
    json: values.json ?? false,
    force: values.force ?? false,
    ...(values.attach?.length ? { attach: values.attach } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  };
}

/** Where the embedded store and the source library live: --data, else DATA_DIR, else data/. */
export function dataDirOf(args: Pick<CliArgs, 'data'>, env: NodeJS.ProcessEnv = process.env): string {
  return args.data ?? (env['DATA_DIR']?.trim() || 'data');
}
