import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './deps.ts';

export interface RawDoc {
  file: string;
  text: string;
  bytes: number;
}

/** The seed files as raw text; read directly so the ETL timing excludes disk I/O. */
export function readSeeds(): RawDoc[] {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const buf = readFileSync(join(dir, file));
      return { file, text: buf.toString('utf8'), bytes: buf.length };
    });
}

/**
 * The floor an ETL is compared with: one pass over the same bytes — UTF-8 decode and a
 * look at every character (counting lines and CJK characters so the loop is not optimised away).
 */
export function plainScan(buffers: readonly Buffer[]): number {
  let acc = 0;
  for (const buf of buffers) {
    const text = buf.toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) acc++;
      else if (c >= 0x4e00 && c <= 0x9fff) acc += 2;
    }
  }
  return acc;
}
