import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './deps.ts';

/**
 * The Node flags `npm run kg` starts the ingest CLI with (package.json), so the bench measures
 * the ETL under the same heap settings the product runs with.
 */
export function ingestNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const m = /^node ((?:--[\w-]+(?:=\S+)? )*)--import tsx /.exec(pkg.scripts?.['kg'] ?? '');
  return m?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}
