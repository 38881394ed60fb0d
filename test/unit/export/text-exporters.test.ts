import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvField, toCsvFiles, toCsvZip } from '../../../graph/export/csv.ts';
import { cypherString, toCypher } from '../../../graph/export/cypher.ts';
import { toCytoscape } from '../../../graph/export/cytoscape.ts';
import { toGraphJsonText } from '../../../graph/export/json.ts';
import { GraphJsonSchema } from '../../../graph/model/index.ts';
import { TRICKY_NAME, fixtureGraph } from './fixture.ts';

/** Minimal RFC 4180 reader: enough to prove the writer's quoting round-trips. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

/** Reads back the single-quoted Cypher literals of a statement, undoing the escapes. */
function cypherLiterals(statement: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'/g;
  for (const m of statement.matchAll(re)) {
    out.push((m[1] ?? '').replace(/\\(u[0-9a-f]{4}|.)/g, (_, e: string) => (e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e)));
  }
  return out;
}

describe('JSON export', () => {
  it('is sorted Graph JSON that validates and is stable under input order', () => {
    const text = toGraphJsonText(fixtureGraph);
    const parsed = GraphJsonSchema.parse(JSON.parse(text));
    expect(parsed.nodes.map((n) => n.id)).toEqual(['agency:发展改革局', 'enterprise:tricky', 'task:000_a:row-14']);
    expect(toGraphJsonText({ nodes: [...fixtureGraph.nodes].reverse(), edges: [...fixtureGraph.edges].reverse() })).toBe(text);
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('turns cells a spreadsheet would run as formulas into text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes nodes.csv and edges.csv with a BOM that read back to the same values', () => {
    const files = toCsvFiles(fixtureGraph);
    expect(files['nodes.csv'].startsWith('\uFEFFid,type,name,aliases,props,evidence\r\n')).toBe(true);
    const nodes = readCsv(files['nodes.csv'].slice(1));
    expect(nodes).toHaveLength(4);
    const tricky = nodes.find((r) => r[0] === 'enterprise:tricky');
    expect(tricky?.[2]).toBe(TRICKY_NAME);
    const task = nodes.find((r) => r[0] === 'task:000_a:row-14');
    expect(JSON.parse(task?.[5] ?? '')[0].quote).toBe('提高本土企业\n自主创新能力');
    const edges = readCsv(files['edges.csv'].slice(1));
    expect(edges.map((r) => r[1])).toEqual(['type', 'COOPERATES', 'LEADS']);
  });

  it('zips both files', () => {
    const entries = unzipSync(toCsvZip(fixtureGraph));
    expect(Object.keys(entries).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(strFromU8(entries['nodes.csv'] ?? new Uint8Array())).toContain('发展改革局');
  });
});

describe('Cypher export', () => {
  it('escapes quotes and backslashes so literals read back exactly', () => {
    expect(cypherString(`a'b\\c`)).toBe(`'a\\'b\\\\c'`);
    expect(cypherLiterals(cypherString(TRICKY_NAME))).toEqual([TRICKY_NAME]);
  });

  it('is one statement per line: constraints, then MERGE per node and edge', () => {
    const lines = toCypher(fixtureGraph).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('CREATE CONSTRAINT'))).toHaveLength(6);
    const merges = lines.filter((l) => l.startsWith('MERGE ('));
    expect(merges).toHaveLength(3);
    const tricky = merges.find((l) => l.includes(':Enterprise'));
    expect(tricky && cypherLiterals(tricky).slice(0, 3)).toEqual(['enterprise:tricky', TRICKY_NAME, `it's`]);
    for (const l of lines.slice(1)) expect(l.endsWith(';')).toBe(true);
    expect(lines.filter((l) => l.startsWith('MATCH ('))).toHaveLength(2);
  });

  it('skips edges whose ends are not in the file', () => {
    const text = toCypher({ nodes: fixtureGraph.nodes.slice(0, 1), edges: fixtureGraph.edges });
    expect(text).not.toContain('MATCH');
  });
});

describe('Cytoscape export', () => {
  it('maps nodes and edges to {data} elements', () => {
    const cy = toCytoscape(fixtureGraph);
    expect(cy.elements.nodes).toHaveLength(3);
    expect(cy.elements.edges[1]?.data).toMatchObject({ source: 'agency:发展改革局', target: 'task:000_a:row-14', type: 'LEADS' });
    expect(cy.elements.nodes[0]?.data.label).toBe('发展改革局');
  });
});
