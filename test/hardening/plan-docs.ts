import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDocument } from '../../bench/synthetic/corpus.ts';
import { Prng } from '../../bench/synthetic/prng.ts';
import { makeVocabulary, type Vocabulary } from '../../bench/synthetic/vocabulary.ts';

/**
 * Small generated plans for the writer tests. A plan's index is its identity (URL and 文号):
 * distinct indices are distinct documents, and the same index with other text is a new
 * version of that document.
 */
export class PlanDocs {
  private readonly rng: Prng;
  private readonly vocab: Vocabulary;

  constructor(
    seed: number,
    private readonly dir: string,
    private readonly sections = 2,
  ) {
    this.rng = new Prng(seed);
    this.vocab = makeVocabulary(this.rng, 1);
    mkdirSync(dir, { recursive: true });
  }

  /** Writes plan `index` (a fresh text each call) and returns its path; `tag` keeps versions apart on disk. */
  write(index: number, tag = ''): string {
    const doc = generateDocument(this.rng, this.vocab, index, this.sections);
    const path = join(this.dir, doc.file.replace(/\.txt$/, `${tag}.txt`));
    writeFileSync(path, doc.text);
    return path;
  }
}
