import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDivisionTable } from '../../graph/etl/division-table.ts';
import { parseHeaderFields } from '../../graph/etl/document-header.ts';
import { findOrganisations } from '../../graph/etl/entities/org-matcher.ts';
import { parseDocument } from '../../graph/etl/parse-document.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { parseClauses } from '../../graph/etl/responsibility-clauses.ts';
import { parseSections } from '../../graph/etl/sections.ts';
import { parseTimeExpressions } from '../../graph/etl/time-expressions.ts';
import { resolveUnit, splitUnitList } from '../../graph/etl/unit-names.ts';
import { damagedDocument, damagedLines, messyLine } from './arbitraries.ts';
import { expectPlaced } from './placed.ts';

// Every parser step, fed damaged documents: none may throw, and every line number it
// reports must point at a real line whose text contains what it quotes (evidence stays true).

const RUNS = { numRuns: 500 };

describe('parsers on damaged input', () => {
  it('readSourceText splits any text into lines without newlines and never throws', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const src = readSourceText('x.txt', text);
        for (const l of src.lines) expect(l).not.toContain('\n');
        expect(src.lines.length).toBeLessThanOrEqual(text.split('\n').length);
      }),
      RUNS,
    );
  });

  it('header fields point at the line they were read from', () => {
    fc.assert(
      fc.property(damagedLines, (lines) => {
        for (const f of parseHeaderFields(lines)) expectPlaced(lines, { line: f.line, text: f.value });
      }),
      RUNS,
    );
  });

  it('sections quote their own title line and stay inside the document', () => {
    fc.assert(
      fc.property(damagedLines, (lines) => {
        for (const s of parseSections(lines)) {
          expectPlaced(lines, { line: s.titleLine, text: s.quote });
          for (const l of s.lines) expect(l >= 1 && l <= lines.length).toBe(true);
          for (const t of s.texts) expectPlaced(lines, t);
          if (s.goals) expectPlaced(lines, s.goals);
          if (s.work) expectPlaced(lines, s.work);
        }
      }),
      RUNS,
    );
  });

  it('division-table rows and cells quote real lines', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const lines = text.split('\n');
        const table = parseDivisionTable(lines);
        for (const r of table?.rows ?? []) {
          expectPlaced(lines, { line: r.titleLine, text: r.quote });
          for (const c of [...r.lead, ...r.coop, ...r.resp, ...r.deadline, ...r.extraCells]) expectPlaced(lines, c);
        }
      }),
      RUNS,
    );
  });

  it('responsibility clauses quote their line; cited row numbers are integers', () => {
    fc.assert(
      fc.property(damagedLines, (lines) => {
        for (const c of parseClauses(lines)) {
          expectPlaced(lines, { line: c.line, text: c.quote });
          for (const part of [...c.lead, ...c.coop, ...c.resp]) expectPlaced(lines, part);
          for (const n of c.rows) expect(Number.isInteger(n)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('unit lists split and resolve any text to a typed unit', () => {
    fc.assert(
      fc.property(messyLine, (text) => {
        for (const m of splitUnitList([{ line: 1, text }])) {
          expect(text).toContain(m.surface);
          const u = resolveUnit(m);
          expect(u.canonical.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('time expressions are valid ISO dates with start ≤ end', () => {
    fc.assert(
      fc.property(messyLine, (text) => {
        for (const t of parseTimeExpressions(text)) {
          expect(t.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (t.start !== null) {
            expect(t.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(t.start <= t.end).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('organisation mentions are substrings at their index', () => {
    fc.assert(
      fc.property(messyLine, (line) => {
        for (const m of findOrganisations(line)) expect(line.slice(m.index, m.index + m.text.length)).toBe(m.text);
      }),
      RUNS,
    );
  });

  it('parseDocument yields tasks whose lines exist and whose parents are known', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const src = readSourceText('900_fuzz.txt', text);
        const doc = parseDocument(src);
        const ids = new Set([doc.documentId, ...doc.tasks.map((t) => t.taskId)]);
        for (const t of doc.tasks) {
          expect(t.titleLine >= 1 && t.titleLine <= src.lines.length).toBe(true);
          for (const l of t.lines) expect(l >= 1 && l <= src.lines.length).toBe(true);
          if (t.parentId !== null) expect(ids.has(t.parentId)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
