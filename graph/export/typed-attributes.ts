import type { JsonValue } from '../model/index.ts';

/** How a prop key is declared in GraphML / GEXF: the narrowest type every value of the key fits. */
export type AttrType = 'boolean' | 'int' | 'double' | 'string';

export interface PropColumn {
  /** The prop key in Graph JSON. */
  key: string;
  /** The column name in the file: the key itself unless it would clash with a core column. */
  name: string;
  type: AttrType;
}

function typeOfValue(v: JsonValue): AttrType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  return 'string';
}

function widen(a: AttrType | undefined, b: AttrType): AttrType {
  if (!a || a === b) return b;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

/**
 * One typed column per prop key over all the elements, so Gephi and Cytoscape desktop can colour
 * or filter by `level` or `kind` instead of parsing a JSON string. Keys are sorted: stable files.
 */
export function propColumns(items: readonly { props: Record<string, JsonValue> }[], reserved: readonly string[]): PropColumn[] {
  const types = new Map<string, AttrType>();
  for (const item of items) {
    for (const [k, v] of Object.entries(item.props)) {
      if (v === null) continue;
      types.set(k, widen(types.get(k), typeOfValue(v)));
    }
  }
  const taken = new Set(reserved);
  return [...types.keys()].sort().map((key) => {
    const name = taken.has(key) ? `prop_${key}` : key;
    return { key, name, type: types.get(key) as AttrType };
  });
}

/** The value as the file writes it: structured values as JSON, scalars as text. */
export function propText(v: JsonValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
