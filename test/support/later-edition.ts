import { readFileSync } from 'node:fs';

/**
 * Seed 000 published again as another document (its own URL and 文号), with row 3's lead unit
 * changed (市教育局 → 市科技信息局): the fixture `000-row-changed.txt` under a new identity.
 * Its 124 rows are the seed's tasks; row 3 is the one the two documents disagree on.
 */
export function laterEditionText(): string {
  const lines = readFileSync(new URL('../fixtures/ingest/000-row-changed.txt', import.meta.url), 'utf8').split('\n');
  lines[0] = 'http://www.sz.gov.cn/zfgb/2010/t20100101_1.htm';
  lines[6] = '文   号: 深府〔2010〕1号';
  return lines.join('\n');
}
