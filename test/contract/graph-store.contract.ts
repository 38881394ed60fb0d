import { describe } from 'vitest';
import { describeAnalyses } from './analyses.contract.ts';
import type { MakeStore } from './contract-helpers.ts';
import { describeReads } from './reads.contract.ts';
import { describeSeed } from './seed.contract.ts';
import { describeWrites } from './writes.contract.ts';

export type { MakeStore } from './contract-helpers.ts';

/**
 * The GraphStore contract, one suite for every implementation (graphology's `specs(Graph)`
 * pattern). `makeStore` returns an open store; the suite clears it and loads what it needs,
 * so it must not point at a database holding anything of value.
 */
export function describeGraphStore(name: string, makeStore: MakeStore): void {
  describe(`GraphStore contract: ${name}`, () => {
    describeReads(makeStore);
    describeAnalyses(makeStore);
    describeWrites(makeStore);
    describeSeed(makeStore);
  });
}
