import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { readSourceText } from '../etl/read-source.ts';
import type { DocumentHeader, SourceDocument } from '../etl/types.ts';
import { contentHash, documentKey, normaliseNumber, normaliseUrl } from './document-key.ts';
import { writeAtomic } from './library-io.ts';

export const DocumentEntrySchema = z.object({
  key: z.string(),
  file: z.string().describe('evidence doc name; the text is data/sources/<file> or seeds/<file>'),
  hash: z.string(),
  title: z.string().optional(),
  number: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  counts: z.object({ nodes: z.number().int(), edges: z.number().int() }),
  origin: z.enum(['seed', 'ingested']),
  encoding: z.string().optional(),
  ingestedFrom: z.string().optional(),
});
export type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

const IndexSchema = z.object({
  version: z.literal(1),
  documents: z.array(DocumentEntrySchema),
  /** Seed files the user removed: the seeds folder is read-only, so removal is recorded here. */
  removedSeeds: z.array(z.string()),
});
type LibraryIndex = z.infer<typeof IndexSchema>;

/**
 * Every loaded document's normalised UTF-8 text and its index entry. Seeds count as documents
 * (read from seeds/, never written); an ingested version of a seed shadows it in data/sources/.
 */
export class SourceLibrary {
  private index: LibraryIndex = { version: 1, documents: [], removedSeeds: [] };
  /** mtime of documents.json when last read or written; -1 when it did not exist. */
  private indexMtime = -1;
  private seeds = new Map<string, DocumentEntry>();
  private cache = new Map<string, SourceDocument>();

  private constructor(
    readonly dataDir: string,
    readonly seedsDir: string,
  ) {}

  static async open(dataDir: string, seedsDir = 'seeds'): Promise<SourceLibrary> {
    const lib = new SourceLibrary(dataDir, seedsDir);
    await lib.load();
    return lib;
  }

  get sourcesDir(): string {
    return join(this.dataDir, 'sources');
  }
  private get indexPath(): string {
    return join(this.dataDir, 'documents.json');
  }

  /** Re-read the index: another process (the CLI, the server) may have changed it. */
  async refresh(): Promise<void> {
    this.cache.clear();
    this.seeds.clear();
    this.index = { version: 1, documents: [], removedSeeds: [] };
    await this.load();
  }

  /** Another process (the CLI next to a running server) wrote the index: read it again. */
  private async refreshIfChanged(): Promise<void> {
    const mtime = (await stat(this.indexPath).catch(() => null))?.mtimeMs ?? -1;
    if (mtime !== this.indexMtime) await this.refresh();
  }

  private async load(): Promise<void> {
    this.indexMtime = (await stat(this.indexPath).catch(() => null))?.mtimeMs ?? -1;
    const text = await readFile(this.indexPath, 'utf8').catch(() => null);
    if (text !== null) this.index = IndexSchema.parse(JSON.parse(text));
    const names = await readdir(this.seedsDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
      const src = readSourceText(name, await readFile(join(this.seedsDir, name), 'utf8'));
      this.seeds.set(name, entryFor(src, 'seed', { nodes: 0, edges: 0 }));
    }
  }

  /** Loaded documents by file name: ingested entries, then seeds not shadowed or removed. */
  entries(): DocumentEntry[] {
    const byFile = new Map(this.index.documents.map((d) => [d.file, d]));
    for (const [file, seed] of this.seeds) {
      if (!byFile.has(file) && !this.index.removedSeeds.includes(file)) byFile.set(file, seed);
    }
    return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  isSeed(file: string): boolean {
    return this.seeds.has(file);
  }

  /** The loaded document a new input is a version of: same URL, else same 文号, else same content. */
  find(header: DocumentHeader, hash: string): DocumentEntry | undefined {
    const all = this.entries();
    const url = normaliseUrl(header.url);
    const number = normaliseNumber(header.number);
    return (
      (url && all.find((d) => normaliseUrl(d.url) === url)) ||
      (number && all.find((d) => normaliseNumber(d.number) === number)) ||
      all.find((d) => d.hash === hash) ||
      undefined
    );
  }

  /** An evidence doc name for a new document: the input's stem + .txt, made unique if taken. */
  fileNameFor(inputPath: string, hash: string): string {
    // Names the API accepts as a document (letters, digits, CJK, _ . -), never "..".
    const stem = basename(inputPath, extname(inputPath)).replace(/[^\w.\u4e00-\u9fff-]+/gu, '_').replace(/\.{2,}/g, '_').replace(/^[.-]+/, '') || 'document';
    // A removed seed's name is free again: re-ingesting that seed gets its old name back.
    const taken = new Set(this.entries().map((d) => d.file));
    const plain = `${stem}.txt`;
    return taken.has(plain) ? `${stem}_${hash.slice(0, 8)}.txt` : plain;
  }

  /** The current text of a loaded document, as the ETL and the evidence viewer read it. */
  async readSource(file: string): Promise<SourceDocument> {
    const hit = this.cache.get(file);
    if (hit) return hit;
    const own = this.index.documents.some((d) => d.file === file);
    const path = own ? join(this.sourcesDir, file) : join(this.seedsDir, file);
    const src = readSourceText(file, await readFile(path, 'utf8'));
    this.cache.set(file, src);
    return src;
  }

  /** SourceProvider for the server: the evidence viewer must read the version that was loaded. */
  async listFiles(): Promise<string[]> {
    await this.refreshIfChanged();
    return this.entries().map((d) => d.file);
  }

  async read(file: string): Promise<SourceDocument | undefined> {
    await this.refreshIfChanged();
    if (!this.entries().some((d) => d.file === file)) return undefined;
    return this.readSource(file);
  }

  async allSources(): Promise<SourceDocument[]> {
    return Promise.all(this.entries().map((d) => this.readSource(d.file)));
  }

  /** Seeds (current versions) first: they hold the catalogues other documents are read against. */
  async contextSources(): Promise<SourceDocument[]> {
    return Promise.all(this.entries().filter((d) => this.seeds.has(d.file)).map((d) => this.readSource(d.file)));
  }

  /** Store a document's text and entry; the text first, so an index entry never lacks its text. */
  async save(source: SourceDocument, entry: DocumentEntry): Promise<void> {
    await mkdir(this.sourcesDir, { recursive: true });
    await writeAtomic(join(this.sourcesDir, source.file), source.lines.join('\n') + '\n');
    this.cache.set(source.file, source);
    this.index.documents = [...this.index.documents.filter((d) => d.file !== entry.file && d.key !== entry.key), entry];
    this.index.removedSeeds = this.index.removedSeeds.filter((f) => f !== entry.file);
    await this.writeIndex();
  }

  async updateCounts(file: string, counts: DocumentEntry['counts']): Promise<void> {
    const entry = this.index.documents.find((d) => d.file === file);
    if (!entry) return;
    entry.counts = counts;
    await this.writeIndex();
  }

  async remove(file: string): Promise<boolean> {
    const known = this.entries().some((d) => d.file === file);
    if (!known) return false;
    this.index.documents = this.index.documents.filter((d) => d.file !== file);
    if (this.seeds.has(file)) this.index.removedSeeds = [...new Set([...this.index.removedSeeds, file])];
    this.cache.delete(file);
    await this.writeIndex();
    await rm(join(this.sourcesDir, file), { force: true });
    return true;
  }

  private async writeIndex(): Promise<void> {
    const docs = [...this.index.documents].sort((a, b) => (a.file < b.file ? -1 : 1));
    await writeAtomic(this.indexPath, JSON.stringify({ ...this.index, documents: docs }, null, 2) + '\n');
    this.indexMtime = (await stat(this.indexPath)).mtimeMs; // our own write is not a change to reload
  }
}

export function entryFor(
  src: SourceDocument,
  origin: DocumentEntry['origin'],
  counts: DocumentEntry['counts'],
  extra: Pick<DocumentEntry, 'encoding' | 'ingestedFrom'> = {},
): DocumentEntry {
  const hash = contentHash(src.lines);
  const h = src.header;
  return {
    key: documentKey(h, hash),
    file: src.file,
    hash,
    ...(h.title ? { title: h.title } : {}),
    ...(h.number ? { number: h.number } : {}),
    ...(h.date ? { date: h.date } : {}),
    ...(h.url ? { url: h.url } : {}),
    counts,
    origin,
    ...extra,
  };
}
