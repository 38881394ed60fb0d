import { expect } from 'vitest';

/** A line the ETL reports must exist, and its text must contain what it quotes (evidence stays true). */
export function expectPlaced(lines: readonly string[], at: { line: number; text: string }): void {
  expect(at.line).toBeGreaterThanOrEqual(1);
  expect(at.line).toBeLessThanOrEqual(lines.length);
  expect(lines[at.line - 1]).toContain(at.text);
}
