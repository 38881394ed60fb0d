import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GraphJson, ReadingReport } from '../model/index.ts';
import type { GraphStore, LoadSummary } from '../store/types.ts';
import type { DocumentFragment } from './fragment.ts';
import { FragmentWriter, type Written } from './fragment-writer.ts';
import { documentKey } from './document-key.ts';
import { entryFor, type SourceLibrary } from './library.ts';
import type { MergeRules } from './merge-rules.ts';
import type { ProgressSink } from './progress.ts';
import { writeLocations } from './formats/locations.ts';
import { extractHere, extractOnThread } from './etl-thread.ts';
import { FormatRefusal } from './formats/limits.ts';
import { withDocumentUrl } from './fetch/document-url.ts';
import { documentIdOf } from '../etl/parse-document.ts';
import { prepareInput, readCapped, type InputFormat, type PreparedInput } from './read-input.ts';
import { reapplyDocuments } from './reapply.ts';
import { checkReplacement, sizeIn, textChars, type HeldReplacement } from './replacement-guard.ts';

export const OUTCOMES = ['new', 'updated', 'unchanged', 'held', 'refused', 'failed'] as const;
export type OutcomeStatus = (typeof OUTCOMES)[number];

export interface Change {
  nodesAdded: number;
  nodesRemoved: number;
  edgesAdded: number;
  edgesRemoved: number;
}

export interface FileOutcome {
  input: string;
  status: OutcomeStatus;
  /** Evidence doc name the document is loaded under. */
  file?: string;
  encoding?: string;
  format?: InputFormat;
  message?: string;
  warnings: string[];
  change?: Change;
  /** Status 'held': what the replacement would have taken away (run again with force to apply it). */
  held?: HeldReplacement;
  /** New or updated: what the ETL read from it (sections, rows, clauses, units) and its loud warnings. */
  report?: ReadingReport;
}

export interface IngestSummary extends Change {
  files: FileOutcome[];
  /** Other documents re-read because a catalogue document (a seed) changed; their change is in the totals. */
  dependents: number;
  counts: Record<OutcomeStatus, number>;
  warnings: number;
  bytes: number;
  ms: number;
}

export interface IngestContext {
  store: GraphStore;
  library: SourceLibrary;
  rules: MergeRules;
  progress?: ProgressSink;
  /** Documents built together in one ETL run; bounds memory whatever the corpus size. */
  batchSize?: number;
  /** Commits what a batch wrote (graph, library, sources as one); a failure fails the batch. */
  commit?: () => Promise<void>;
  /** Apply replacements that would remove most of a document's facts (otherwise held back). */
  force?: boolean;
}

/** An input by name with a way to get its bytes only when its turn comes. */
export interface InputRef {
  input: string;
  /** Byte size when known up front, for the progress ETA. */
  size?: number;
  /** File name for the format and the evidence doc name when `input` is not a path (a URL); known once read() resolved. */
  name?: string;
  /** The address it was fetched from, recorded as the document's URL; known once read() resolved. */
  url?: string;
  /** The input (earlier in the run) this one is an attachment of: its Document gets `attachedTo`. */
  attachTo?: string;
  read(): Promise<Uint8Array>;
}

export async function fileInputs(paths: readonly string[]): Promise<InputRef[]> {
  return Promise.all(paths.map(async (p) => ({ input: p, size: (await stat(p).catch(() => null))?.size ?? 0, read: () => readCapped(p) })));
}

type Ready = Extract<PreparedInput, { ok: true }> & { index: number; file: string; known: boolean; from: string; attachedTo?: string };

/**
 * For each input: decode → source → same content as the loaded version? skip : build its fragment
 * → store.replaceDocuments (per batch) → library. A refused or failing file is reported and the run goes on.
 */
export async function ingestInputs(inputs: readonly InputRef[], ctx: IngestContext): Promise<IngestSummary> {
  const t0 = performance.now();
  const { store, library } = ctx;
  const outcomes: FileOutcome[] = [];
  const current = await store.exportGraph();
  const present = docsIn(current);
  const totalBytes = inputs.every((i) => i.size !== undefined) ? inputs.reduce((a, i) => a + (i.size ?? 0), 0) : 0;
  let bytes = 0;
  let done = 0;
  const tick = (current: string) => ctx.progress?.update({ done: ++done, total: inputs.length, bytes, totalBytes, current });
  let pending: Ready[] = [];
  let catalogueChanged = false;

  type Extracted = { r: Ready; frag: DocumentFragment };
  const record = async (written: Written<Extracted>[]) => {
    const saved: Ready[] = [];
    for (const { item: { r, frag }, result } of written) {
      try {
        if (result instanceof Error) throw result;
        const counts = { nodes: frag.graph.nodes.length, edges: frag.graph.edges.length };
        await writeLocations(library.sourcesDir, r.file, r.locations);
        await library.save(r.source, entryFor(r.source, 'ingested', counts, { encoding: r.encoding, ingestedFrom: r.from, ...(r.attachedTo ? { attachedTo: r.attachedTo } : {}) }));
        saved.push(r);
        outcomes[r.index] = {
          input: r.input,
          status: r.known ? 'updated' : 'new',
          file: r.file,
          encoding: r.encoding,
          format: r.format,
          warnings: [...r.notes, ...frag.warnings.map((w) => `${w.doc}:${w.line} ${w.kind}: ${w.message}`)],
          change: changeOf(result),
          report: frag.report,
        };
      } catch (err) {
        let message = (err as Error).message;
        // Its facts are in the store but it is not in the library: a new document's are taken out
        // again, so no fact is left that no listed document supports.
        if (!(result instanceof Error) && !r.known) {
          await store.removeDocument(r.file).catch((e: Error) => (message += `; its facts could not be removed (${e.message}): kg remove ${r.file}`));
        }
        outcomes[r.index] = { input: r.input, status: 'failed', file: r.file, message, warnings: r.notes };
      }
    }
    try {
      await ctx.commit?.();
      for (const r of saved) {
        present.add(r.file);
        if (library.isSeed(r.file)) catalogueChanged = true;
      }
    } catch (err) {
      // Nothing of the batch was kept: its facts, texts and entries were rolled back together.
      for (const r of saved) outcomes[r.index] = { input: r.input, status: 'failed', file: r.file, message: (err as Error).message, warnings: r.notes };
    }
    for (const { item } of written) tick(item.r.input);
  };
  /** The loaded version's size, for the replacement check; the graph is exported once per batch. */
  let graphNow: GraphJson | null = null;
  const heldBack = async (r: Ready, frag: DocumentFragment): Promise<HeldReplacement | null> => {
    if (!r.known || ctx.force) return null;
    graphNow ??= await store.exportGraph();
    const old = await library.readSource(r.file).catch(() => null);
    const before = sizeIn(graphNow, r.file, old ? textChars(old.lines) : 0);
    return checkReplacement(before, sizeIn(frag.graph, r.file, textChars(r.source.lines)));
  };
  const batchSize = ctx.batchSize ?? 25;
  const writer = new FragmentWriter<Extracted>(store, record, batchSize);

  // A long ingest reads on a thread of its own while this one writes (etl-thread.ts).
  const thread = inputs.length > batchSize ? extractOnThread() : null;
  const extractJob = thread?.extract ?? extractHere;
  /** Sent to the ETL and not yet handed to the writer: a later version of one of them must wait for it. */
  let flying: Ready[] = [];
  /** The batch whose fragments are being handed to the writer; the next waits for it, so the order is the input order. */
  let handing: Promise<void> = Promise.resolve();
  let contextChanging = false;

  const handOver = async (batch: Ready[], job: Promise<Map<string, DocumentFragment>>) => {
    let fragments;
    try {
      fragments = await job;
    } catch (err) {
      for (const r of batch) {
        outcomes[r.index] = { input: r.input, status: 'failed', message: `extraction failed: ${(err as Error).message}`, warnings: r.notes };
        tick(r.input);
      }
      return;
    }
    graphNow = null;
    for (const r of batch) {
      const frag = fragments.get(r.file) ?? { graph: { nodes: [], edges: [] }, warnings: [] };
      const held = await heldBack(r, frag);
      if (held) {
        const message = `held back: this version would take away most of what the loaded one gives (${held.reason}); use --force to replace it`;
        outcomes[r.index] = { input: r.input, status: 'held', file: r.file, encoding: r.encoding, format: r.format, message, warnings: r.notes, held };
        tick(r.input);
        continue;
      }
      await writer.add({ r, frag }, r.file, frag.graph, true);
    }
  };

  /**
   * Sends the pending documents to the ETL, then waits for the batch before them to be handed
   * over: while this thread writes that one, the ETL reads this one. A batch holding a document
   * of the context (a seed) changes what the next is read against, so the next waits for it.
   */
  const extract = async () => {
    if (pending.length === 0) return;
    if (contextChanging) await handing;
    const batch = pending;
    pending = [];
    flying = [...flying, ...batch];
    contextChanging = batch.some((r) => library.isSeed(r.file));
    const job = library.contextSources().then((context) =>
      extractJob({ context, batch: batch.map((r) => ({ source: r.source, ...(r.locations ? { locations: r.locations } : {}), ...(r.attachedTo ? { attachedTo: r.attachedTo } : {}) })), rules: ctx.rules }),
    );
    const before = handing;
    handing = before.then(() => handOver(batch, job)).finally(() => (flying = flying.filter((r) => !batch.includes(r))));
    // Awaited below or by the next batch; meanwhile a failure is not an unhandled rejection.
    handing.catch(() => undefined);
    await before;
  };
  const flushAll = async () => {
    await extract();
    await handing;
    await writer.flush();
  };

  /** Input → its Document's id, for the attachments that follow it. */
  const documentIds = new Map<string, string>();
  try {
    for (const [index, ref] of inputs.entries()) {
      let prepared: PreparedInput;
      try {
        const data = await ref.read();
        prepared = await prepareInput(ref.input, ref.name ?? basename(ref.input), data);
        if (prepared.ok && ref.url) prepared = withDocumentUrl(prepared, ref.url);
      } catch (err) {
        // A fetch refused (too large, wrong type, timeout) says why in its own words.
        const message = err instanceof FormatRefusal ? err.message : `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
        prepared = { ok: false, input: ref.input, reason: 'unreadable', message, bytes: 0 };
      }
      bytes += prepared.bytes;
      if (!prepared.ok) {
        outcomes[index] = { input: ref.input, status: 'refused', message: prepared.message, warnings: [] };
        tick(ref.input);
        continue;
      }
      // Two versions of one document in the same run: the later one must see the earlier one loaded
      // (also a new one: two links to one fetched file, a page saved twice).
      const existing = library.find(prepared.source.header, prepared.hash);
      const key = documentKey(prepared.source.header, prepared.hash);
      const waiting = [...pending, ...flying];
      if (waiting.some((r) => documentKey(r.source.header, r.hash) === key) || (existing && (waiting.some((r) => r.file === existing.file) || writer.docs.includes(existing.file)))) await flushAll();
      const again = library.find(prepared.source.header, prepared.hash);
      const parentId = ref.attachTo === undefined ? undefined : documentIds.get(ref.attachTo);
      if (ref.attachTo !== undefined && parentId === undefined) prepared.notes.push(`not attached: ${ref.attachTo} was not loaded`);
      // Without a parent named now, an attachment stays attached to the one it had.
      const attachedTo = parentId ?? again?.attachedTo;
      if (again && again.hash === prepared.hash && present.has(again.file) && again.attachedTo === attachedTo) {
        documentIds.set(ref.input, documentIdOf({ ...prepared.source, file: again.file }));
        outcomes[index] = { input: ref.input, status: 'unchanged', file: again.file, encoding: prepared.encoding, format: prepared.format, warnings: prepared.notes };
        tick(ref.input);
        continue;
      }
      const taken = new Set([...pending.map((r) => r.file), ...flying.map((r) => r.file), ...writer.docs]);
      let file = again?.file ?? library.fileNameFor(ref.input, prepared.hash);
      if (!again && taken.has(file)) file = file.replace(/\.txt$/, `_${prepared.hash.slice(0, 8)}.txt`);
      prepared.source.file = file;
      documentIds.set(ref.input, documentIdOf(prepared.source));
      const from = ref.url ?? basename(ref.input);
      pending.push({ ...prepared, index, file, known: again !== undefined && present.has(again.file), from, ...(attachedTo ? { attachedTo } : {}) });
      if (pending.length >= batchSize) await extract();
    }
    await flushAll();
  } finally {
    await thread?.close();
  }
  ctx.progress?.finish();
  const summary = summarise(outcomes, bytes, performance.now() - t0);
  if (catalogueChanged) {
    // Every document is read against the seeds' catalogues (organisations, the 004 technology
    // list): when a seed changes, the others' facts may change too, so they are re-read.
    const touched = new Set(outcomes.map((o) => o.file));
    const others = library.entries().map((d) => d.file).filter((f) => !touched.has(f) && present.has(f));
    const c = await reapplyDocuments(others, store, library, ctx.rules, ctx.batchSize);
    await ctx.commit?.();
    summary.dependents = others.length;
    addChange(summary, c);
    summary.ms = performance.now() - t0;
  }
  return summary;
}

export async function ingestFiles(paths: readonly string[], ctx: IngestContext): Promise<IngestSummary> {
  return ingestInputs(await fileInputs(paths), ctx);
}

function changeOf(s: LoadSummary): Change {
  return { nodesAdded: s.nodesAdded, nodesRemoved: s.nodesRemoved, edgesAdded: s.edgesAdded, edgesRemoved: s.edgesRemoved };
}

export function docsIn(graph: GraphJson): Set<string> {
  const docs = new Set<string>();
  for (const n of graph.nodes) for (const e of n.evidence) docs.add(e.doc);
  for (const x of graph.edges) for (const e of x.evidence) docs.add(e.doc);
  return docs;
}

function summarise(files: FileOutcome[], bytes: number, ms: number): IngestSummary {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<OutcomeStatus, number>;
  const sum: IngestSummary = { files, dependents: 0, counts, nodesAdded: 0, nodesRemoved: 0, edgesAdded: 0, edgesRemoved: 0, warnings: 0, bytes, ms };
  for (const f of files) {
    counts[f.status]++;
    sum.warnings += f.warnings.length;
    if (f.change) addChange(sum, f.change);
  }
  return sum;
}

export function addChange(to: Change, c: Change): void {
  to.nodesAdded += c.nodesAdded;
  to.nodesRemoved += c.nodesRemoved;
  to.edgesAdded += c.edgesAdded;
  to.edgesRemoved += c.edgesRemoved;
}
