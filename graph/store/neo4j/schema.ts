import { NODE_TYPES } from '../../model/index.ts';
import type { ServerVersion } from './connection.ts';
import { BASE_LABEL } from './records.ts';

/**
 * Constraints and indexes, idempotent (IF NOT EXISTS), in the syntax the server understands:
 * `FOR … REQUIRE` from 4.4 on (the only form in 5), `ON … ASSERT` before that.
 * Every label comes from the model's allow-list.
 */
export function schemaStatements(version: ServerVersion): string[] {
  const modern = version.major > 4 || (version.major === 4 && version.minor >= 4);
  const unique = (label: string) =>
    modern
      ? `CREATE CONSTRAINT pg_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`
      : `CREATE CONSTRAINT pg_${label.toLowerCase()}_id IF NOT EXISTS ON (n:${label}) ASSERT n.id IS UNIQUE`;
  const index = (label: string, prop: string) => `CREATE INDEX pg_${label.toLowerCase()}_${prop} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`;
  return [
    unique(BASE_LABEL),
    ...NODE_TYPES.map(unique),
    index(BASE_LABEL, 'name'),
    ...NODE_TYPES.map((t) => index(t, 'name')),
    index(BASE_LABEL, 'name_lc'),
  ];
}
