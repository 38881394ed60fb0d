import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { readSourceText } from '../etl/read-source.ts';
import type { DocumentHeader, SourceDocument } from '../etl/types.ts';
import { contentHash, documentKey, normaliseNumber, normaliseUrl } from './document-key.ts';
import { Commit, type CommitParticipant } from '../store/data-dir/commit.ts';
import { parseJsonFile } from './library-io.ts';

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
  /** An attachment: the id of the Document it was published with (fetch/attachment-link.ts). */
  attachedTo: z.string().optional(),
});
export type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

const IndexSchema = z.object({
  version: z.literal(1),
  documents: z.array(DocumentEntrySchema),
  /** Seed files the user removed: the seeds folder is read-only, so removal is recorded here. */
  removedSeeds: z.array(z.string()),
});
type LibraryIndex = z.infer<typeof IndexSchema>;

export const LIBRARY_FILE = 'documents.json';
export const SOURCES_DIR = 'sources';
/** Longest evidence doc name in UTF-8 bytes: file systems allow 255, and temp names add to it. */
const MAX_FILE_BYTES = 120;

/** Texts of ingested documents kept in memory besides the seeds' (the evidence viewer's recent reads). */
const CACHE_TEXTS = 64;

interface Derived {
  index: LibraryIndex;
  seeds: Map<string, DocumentEntry>;
  entries: DocumentEntry[];
  byFile: Map<string, DocumentEntry>;
  byUrl: Map<string, DocumentEntry>;
  byNumber: Map<string, DocumentEntry>;
  byHash: Map<string, DocumentEntry>;
}

/**
 * Every loaded document's normalised UTF-8 text and its index entry. Seeds count as documents
 * (read from seeds/, never written); an ingested version of a seed shadows it in data/sources/.
 */
export class SourceLibrary {
  private index: LibraryIndex = { version: 1, documents: [], removedSeeds: [] };
  private rev = 0;
  /** Set inside deferWrites: texts and removals not yet committed, and the index last committed. */
  private deferred: { base: LibraryIndex; texts: Map<string, string>; removed: Set<string>; dirty: boolean } | null = null;
  /** mtime of documents.json when last read or written; -1 when it did not exist. */
  private indexMtime = -1;
  private seeds = new Map<string, DocumentEntry>();
  private cache = new Map<string, SourceDocument>();
  private derivedCache: Derived | null = null;

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
    return join(this.dataDir, SOURCES_DIR);
  }
  private get indexPath(): string {
    return join(this.dataDir, LIBRARY_FILE);
  }

  /** Changes whenever the library does (a write here, or a refresh that read a new index). */
  revision(): number {
    return this.rev;
  }

  /**
   * Re-read the index: another process (the CLI, the server) may have changed it. The new index
   * is read whole first and then swapped in, so a reader never sees an empty library.
   */
  async refresh(): Promise<void> {
    // A write of this process holds the data dir's lock and read the index when it began: the
    // disk has nothing newer, and swapping it in would drop the write's own documents.
    if (this.deferred) return;
    const next = await this.readIndex();
    if (this.deferred) return; // a write began while the index was being read
    const same = next.mtime === this.indexMtime && JSON.stringify(next.index) === JSON.stringify(this.index) && next.seeds.size === this.seeds.size;
    this.index = next.index;
    this.indexMtime = next.mtime;
    this.seeds = next.seeds;
    this.cache = new Map();
    if (!same) this.rev++;
  }

  /** Another process (the CLI next to a running server) wrote the index: read it again. */
  private async refreshIfChanged(): Promise<void> {
    const mtime = (await stat(this.indexPath).catch(() => null))?.mtimeMs ?? -1;
    if (mtime !== this.indexMtime) await this.refresh();
  }

  private async load(): Promise<void> {
    await this.refresh();
  }

  private async readIndex(): Promise<{ index: LibraryIndex; mtime: number; seeds: Map<string, DocumentEntry> }> {
    const mtime = (await stat(this.indexPath).catch(() => null))?.mtimeMs ?? -1;
    const text = await readFile(this.indexPath, 'utf8').catch(() => null);
    const index = text === null ? { version: 1 as const, documents: [], removedSeeds: [] } : parseJsonFile(this.indexPath, text, IndexSchema, 'a document index');
    const seeds = new Map<string, DocumentEntry>();
    const names = await readdir(this.seedsDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
      const src = readSourceText(name, await readFile(join(this.seedsDir, name), 'utf8'));
      seeds.set(name, entryFor(src, 'seed', { nodes: 0, edges: 0 }));
    }
    return { index, mtime, seeds };
  }

  /** Loaded documents by file name: ingested entries, then seeds not shadowed or removed. */
  entries(): DocumentEntry[] {
    return [...this.derived().entries];
  }

  /**
   * The entries and the look-ups `find` uses, made once per version of the index: an ingest asks
   * for them for every input, and making them each time grew with the library (quadratic).
   */
  private derived(): Derived {
    const d = this.derivedCache;
    if (d && d.index === this.index && d.seeds === this.seeds) return d;
    const byFile = new Map(this.index.documents.map((d) => [d.file, d]));
    const removed = new Set(this.index.removedSeeds);
    for (const [file, seed] of this.seeds) {
      if (!byFile.has(file) && !removed.has(file)) byFile.set(file, seed);
    }
    const entries = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const first = (key: (d: DocumentEntry) => string | undefined) => {
      const m = new Map<string, DocumentEntry>();
      for (const d of entries) {
        const k = key(d);
        if (k && !m.has(k)) m.set(k, d);
      }
      return m;
    };
    this.derivedCache = {
      index: this.index,
      seeds: this.seeds,
      entries,
      byFile,
      byUrl: first((d) => normaliseUrl(d.url)),
      byNumber: first((d) => normaliseNumber(d.number)),
      byHash: first((d) => d.hash),
    };
    return this.derivedCache;
  }

  isSeed(file: string): boolean {
    return this.seeds.has(file);
  }

  /** The loaded document a new input is a version of: same URL, else same 文号, else same content. */
  find(header: DocumentHeader, hash: string): DocumentEntry | undefined {
    const d = this.derived();
    const url = normaliseUrl(header.url);
    const number = normaliseNumber(header.number);
    return (url && d.byUrl.get(url)) || (number && d.byNumber.get(number)) || d.byHash.get(hash) || undefined;
  }

  /** An evidence doc name for a new document: the input's stem + .txt, made unique if taken. */
  fileNameFor(inputPath: string, hash: string): string {
    // Names the API accepts as a document (letters, digits, CJK, _ . -), never "..".
    let stem = basename(inputPath, extname(inputPath)).replace(/[^\w.\u4e00-\u9fff-]+/gu, '_').replace(/\.{2,}/g, '_').replace(/^[.-]+/, '') || 'document';
    // A long name (200 CJK characters are 600 bytes) is cut and made unique by the hash; the
    // name it came under stays in the entry's ingestedFrom.
    if (Buffer.byteLength(stem) > MAX_FILE_BYTES) {
      let cut = '';
      for (const ch of stem) {
        if (Buffer.byteLength(cut + ch) > MAX_FILE_BYTES - 20) break;
        cut += ch;
      }
      stem = `${cut}_${hash.slice(0, 8)}`;
    }
    // A removed seed's name is free again: re-ingesting that seed gets its old name back.
    const taken = this.derived().byFile;
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
    if (!this.derived().byFile.has(file)) return undefined;
    return this.readSource(file);
  }

  async allSources(): Promise<SourceDocument[]> {
    return Promise.all(this.entries().map((d) => this.readSource(d.file)));
  }

  /** Seeds (current versions) first: they hold the catalogues other documents are read against. */
  async contextSources(): Promise<SourceDocument[]> {
    return Promise.all(this.derived().entries.filter((d) => this.seeds.has(d.file)).map((d) => this.readSource(d.file)));
  }

  /**
   * Once texts are on disk, the cache keeps the seeds (every ingest reads against them) and the
   * CACHE_TEXTS read or saved last: a long ingest would otherwise hold every text it saved.
   */
  private trimCache(): void {
    let others = 0;
    for (const file of [...this.cache.keys()].reverse()) {
      if (this.seeds.has(file)) continue;
      if (++others > CACHE_TEXTS) this.cache.delete(file);
    }
  }

  /** Store a document's text and entry: one commit, or part of the caller's inside deferWrites. */
  async save(source: SourceDocument, entry: DocumentEntry): Promise<void> {
    const before = this.index;
    const text = source.lines.join('\n') + '\n';
    this.index = {
      ...this.index,
      documents: [...this.index.documents.filter((d) => d.file !== entry.file && d.key !== entry.key), entry],
      removedSeeds: this.index.removedSeeds.filter((f) => f !== entry.file),
    };
    this.cache.set(source.file, source);
    this.rev++;
    await this.write(before, (d) => {
      d.texts.set(source.file, text);
      d.removed.delete(source.file);
    });
  }

  async updateCounts(file: string, counts: DocumentEntry['counts']): Promise<void> {
    if (!this.index.documents.some((d) => d.file === file)) return;
    const before = this.index;
    this.index = { ...this.index, documents: this.index.documents.map((d) => (d.file === file ? { ...d, counts } : d)) };
    await this.write(before, () => undefined);
  }

  async remove(file: string): Promise<boolean> {
    const known = this.derived().byFile.has(file);
    if (!known) return false;
    const before = this.index;
    this.index = {
      ...this.index,
      documents: this.index.documents.filter((d) => d.file !== file),
      removedSeeds: this.seeds.has(file) ? [...new Set([...this.index.removedSeeds, file])] : this.index.removedSeeds,
    };
    this.cache.delete(file);
    this.rev++;
    await this.write(before, (d) => {
      d.texts.delete(file);
      if (before.documents.some((x) => x.file === file)) d.removed.add(file);
    });
    return true;
  }

  /**
   * Until the returned participant is ended, saves and removals stay in memory; `prepare`
   * stages the texts and the index into the caller's commit, `rolledBack` returns to the last.
   */
  deferWrites(): CommitParticipant & { end(): void } {
    this.deferred = { base: this.index, texts: new Map(), removed: new Set(), dirty: false };
    return {
      prepare: (tx) => this.stage(tx),
      committed: () => {
        if (this.deferred) this.deferred = { base: this.index, texts: new Map(), removed: new Set(), dirty: false };
        this.trimCache();
      },
      rolledBack: () => {
        const d = this.deferred;
        if (!d || !d.dirty) return;
        for (const f of [...d.texts.keys(), ...d.removed]) this.cache.delete(f);
        this.index = d.base;
        this.rev++;
        this.deferred = { base: this.index, texts: new Map(), removed: new Set(), dirty: false };
      },
      end: () => {
        this.deferred = null;
      },
    };
  }

  /** A change to the index and the texts: staged for the caller's commit, or committed now. */
  private async write(before: LibraryIndex, change: (d: NonNullable<SourceLibrary['deferred']>) => void): Promise<void> {
    if (this.deferred) {
      change(this.deferred);
      this.deferred.dirty = true;
      return;
    }
    const own = { base: before, texts: new Map<string, string>(), removed: new Set<string>(), dirty: true };
    change(own);
    this.deferred = own;
    const tx = new Commit(this.dataDir);
    try {
      await this.stage(tx);
      await tx.commit();
      this.trimCache();
    } catch (err) {
      await tx.abort();
      for (const f of own.texts.keys()) this.cache.delete(f);
      this.index = before;
      this.rev++;
      throw err;
    } finally {
      this.deferred = null;
    }
  }

  private async stage(tx: Commit): Promise<void> {
    const d = this.deferred;
    if (!d || !d.dirty) return;
    // Texts first: an index entry never lacks its text, even to a reader between two renames.
    for (const [file, text] of d.texts) await tx.stage(join(SOURCES_DIR, file), text);
    for (const file of d.removed) tx.stageDelete(join(SOURCES_DIR, file));
    const docs = [...this.index.documents].sort((a, b) => (a.file < b.file ? -1 : 1));
    await tx.stage(LIBRARY_FILE, JSON.stringify({ ...this.index, documents: docs }, null, 2) + '\n');
    tx.onCommitted(async () => {
      this.indexMtime = (await stat(this.indexPath).catch(() => null))?.mtimeMs ?? -1; // our own write is not a change to reload
    });
  }
}

export function entryFor(
  src: SourceDocument,
  origin: DocumentEntry['origin'],
  counts: DocumentEntry['counts'],
  extra: Pick<DocumentEntry, 'encoding' | 'ingestedFrom' | 'attachedTo'> = {},
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
