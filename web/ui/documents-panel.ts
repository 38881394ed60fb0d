import { z } from 'zod';
import type { DocumentsResponse } from '../api/client.ts';
import { ReadingReportSchema, loudWarnings, type ReadingReport } from '../../graph/model/index.ts';
import { getLang } from './i18n.ts';

// The panel's own words, in the app's two languages.
const WORDS = {
  zh: {
    loading: '正在读取文件…', documents: '文件', title: '标题', number: '文号', date: '发布日期', counts: '节点 / 关系',
    none: '尚未载入文件。', drop: '将文本文件或保存的网页(HTML)拖到这里，或 ', upload: '上传文件', sent: '个文件已发送',
    duplicates: '可能重复的机构', same: '同一机构', different: '不同机构', replace: '仍要替换已载入的版本吗？',
    shared: (n: number) => `${n} 项任务亦见于其他文件`,
    read: (r: ReadingReport) => `读取：${r.jurisdiction}，${r.sections} 节，${r.tableRows} 表行，${r.responsibilityEdges} 条责任关系`,
  },
  en: {
    loading: 'Loading documents…', documents: 'Documents', title: 'Title', number: '文号', date: 'Date', counts: 'Nodes / edges',
    none: 'No documents loaded.', drop: 'Drop text documents or saved HTML pages here, or ', upload: 'Upload documents', sent: 'file(s) sent',
    duplicates: 'Possible duplicates', same: 'Same organisation', different: 'Different', replace: 'Replace the loaded version anyway?',
    shared: (n: number) => `${n} tasks also in other documents`,
    read: (r: ReadingReport) => `read: ${r.jurisdiction}, ${r.sections} sections, ${r.tableRows} table rows, ${r.responsibilityEdges} responsibility edges`,
  },
} as const;
const w = () => WORDS[getLang()] ?? WORDS.en;

/** What the panel needs from the app; everything else it asks the server for itself. */
export interface DocumentsPanelApi {
  /** GET /api/documents through the app's client (fallback when /api/documents/loaded is absent). */
  documents(): Promise<DocumentsResponse>;
  /** The graph changed (upload, merge): reload what the canvas shows. Default: reload the page (the URL keeps the view). */
  onGraphChanged?(): void;
  /** Base of the API, '' for same origin. */
  base?: string;
}

// Response shapes of server/routes/documents-upload.ts, parsed at the boundary.
const UploadsSchema = z.object({ enabled: z.boolean(), maxBytes: z.number(), csrfToken: z.string().optional() });
/** Sent with every write: the server accepts writes only from its own page. */
let csrfToken = '';
const EvidenceSchema = z.object({ doc: z.string(), line: z.number(), quote: z.string() });
const RefSchema = z.object({ id: z.string(), name: z.string(), type: z.string() });
const MergesSchema = z.object({
  writable: z.boolean(),
  candidates: z.array(z.object({ id: z.string(), alias: RefSchema, canonical: RefSchema, score: z.number(), reasons: z.array(z.object({ kind: z.string(), detail: z.string(), evidence: z.array(EvidenceSchema) })) })),
});
const LoadedSchema = z.object({
  documents: z.array(z.object({ file: z.string(), title: z.string().optional(), number: z.string().optional(), date: z.string().optional(), origin: z.string(), inStore: z.object({ nodes: z.number(), edges: z.number(), sharedTasks: z.number().optional() }), report: ReadingReportSchema.optional() })),
});
const OutcomeSchema = z.object({ input: z.string(), status: z.string(), file: z.string().optional(), message: z.string().optional(), warnings: z.array(z.string()), report: ReadingReportSchema.optional() });
export const UploadSummarySchema = z.object({
  files: z.array(OutcomeSchema),
  nodesAdded: z.number(),
  nodesRemoved: z.number(),
  edgesAdded: z.number(),
  edgesRemoved: z.number(),
});
export type UploadSummary = z.infer<typeof UploadSummarySchema>;
export type DocumentRow = { file: string; title: string; number: string; date: string; counts: string; reading?: string; loud?: string[] };

/** The warnings that mean a document was read as (almost) nothing, each with its line. */
function loudLines(r: ReadingReport | undefined): string[] {
  return loudWarnings(r).map((x) => `!! line ${x.line}: ${x.message}`);
}

/** One line per uploaded file, worded for a person. */
export function describeUpload(s: UploadSummary): string[] {
  const lines = s.files.map((f) => {
    if (f.status === 'refused' || f.status === 'failed') return `${f.input}: ${f.status} — ${f.message ?? ''}`;
    const warn = f.warnings.length > 0 ? `, ${f.warnings.length} warning(s)` : '';
    const read = f.report ? ` — ${w().read(f.report)}` : '';
    return [`${f.input}: ${f.status}${f.file ? ` as ${f.file}` : ''}${warn}${read}`, ...loudLines(f.report).map((l) => `${f.input} ${l}`)];
  }).flat();
  if (s.files.some((f) => f.status === 'new' || f.status === 'updated')) {
    lines.push(`nodes +${s.nodesAdded} −${s.nodesRemoved}, edges +${s.edgesAdded} −${s.edgesRemoved}`);
  }
  return lines;
}

/** Table rows from either document listing, the richer one when the server has it. */
export function documentRows(loaded: z.infer<typeof LoadedSchema> | null, plain: DocumentsResponse | null): DocumentRow[] {
  if (loaded) {
    return loaded.documents.map((d) => ({
      file: d.file, title: d.title ?? '', number: d.number ?? '', date: d.date ?? '',
      counts: `${d.inStore.nodes} / ${d.inStore.edges}${d.inStore.sharedTasks ? ` · ${w().shared(d.inStore.sharedTasks)}` : ''}`,
      ...(d.report ? { reading: w().read(d.report), loud: loudLines(d.report) } : {}),
    }));
  }
  return (plain?.documents ?? []).map((d) => ({ file: d.file, title: d.title ?? '', number: d.number ?? '', date: d.date ?? '', counts: '' }));
}

/** Files over the server's limit are refused before any byte is sent. */
export function splitBySize<T extends { size: number; name: string }>(files: readonly T[], maxBytes: number): { send: T[]; tooBig: string[] } {
  return { send: files.filter((f) => f.size <= maxBytes), tooBig: files.filter((f) => f.size > maxBytes).map((f) => `${f.name}: refused — larger than ${(maxBytes / 1e6).toFixed(0)} MB`) };
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

async function getJson<T>(base: string, path: string, schema: z.ZodType<T>): Promise<T | null> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) return null;
  const parsed = schema.safeParse(await res.json());
  return parsed.success ? parsed.data : null;
}

/** A replacement the server held back (409): the difference, for the user to confirm. */
class HeldBack extends Error {}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** POST one file (JSON, base64 bytes); XHR rather than fetch because only XHR reports upload progress. */
async function uploadFile(base: string, file: File, onProgress: (sent: number) => void, force = false): Promise<UploadSummary> {
  const payload = JSON.stringify({ name: file.name, content: await base64Of(file), force });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/api/admin/documents`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (ev) => onProgress((ev.loaded / (ev.total || 1)) * file.size);
    xhr.onload = () => {
      const body: unknown = (() => { try { return JSON.parse(xhr.responseText); } catch { return null; } })();
      const ok = UploadSummarySchema.safeParse(body);
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      if (xhr.status === 200 && ok.success) resolve(ok.data);
      else if (xhr.status === 409) reject(new HeldBack(message ?? 'held back'));
      else reject(new Error(message ?? `upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error('upload failed: network error'));
    xhr.send(payload);
  });
}

/**
 * The Documents panel: loaded documents with their counts; a drop zone when the server runs with
 * uploads enabled (progress per file, then the summary and a graph refresh); merge candidates
 * with their evidence and confirm / reject buttons.
 */
export async function renderDocumentsPanel(container: HTMLElement, api: DocumentsPanelApi): Promise<void> {
  const base = api.base ?? '';
  const changed = api.onGraphChanged ?? (() => window.location.reload());
  container.replaceChildren(h('p', { className: 'muted', textContent: w().loading }));
  const [loaded, uploads, merges] = await Promise.all([
    getJson(base, '/api/documents/loaded', LoadedSchema).catch(() => null),
    getJson(base, '/api/uploads', UploadsSchema).catch(() => null),
    getJson(base, '/api/merges?limit=50', MergesSchema).catch(() => null),
  ]);
  csrfToken = uploads?.csrfToken ?? '';
  const plain = loaded ? null : await api.documents().catch(() => null);
  const rows = documentRows(loaded, plain);
  const rerender = () => void renderDocumentsPanel(container, api);

  // Counts come only from the library listing; without it the column would stay empty.
  const heads = [w().title, w().number, w().date, ...(loaded ? [w().counts] : [])];
  const cells = (r: DocumentRow) => {
    const tds = [r.title || r.file, r.number, r.date, ...(loaded ? [r.counts] : [])].map((t) => h('td', { textContent: t }));
    // What was read, under the title; a document read as nothing says so in the row itself.
    if (r.reading) tds[0]!.append(h('div', { className: 'hint doc-reading', textContent: r.reading }), ...(r.loud ?? []).map((l) => h('div', { className: 'doc-read-badly', textContent: l })));
    return tds;
  };
  const table = h('table', { className: 'documents-table' },
    h('thead', {}, h('tr', {}, ...heads.map((t) => h('th', { textContent: t })))),
    h('tbody', {}, ...rows.map((r) => h('tr', { title: r.file, ...(r.loud?.length ? { className: 'read-badly' } : {}) }, ...cells(r)))),
  );
  const parts: Node[] = [h('h3', { textContent: `${w().documents} (${rows.length})` }), rows.length ? table : h('p', { textContent: w().none })];
  if (uploads?.enabled) parts.push(uploadZone(base, uploads.maxBytes, () => { changed(); rerender(); }));
  if (merges && merges.candidates.length > 0) parts.push(mergeList(base, merges, () => { changed(); rerender(); }, rerender));
  container.replaceChildren(...parts);
}

function uploadZone(base: string, maxBytes: number, done: () => void): HTMLElement {
  const input = h('input', { type: 'file', multiple: true, accept: '.txt,.htm,.html,text/plain,text/html' });
  const bar = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('div', { className: 'upload-status', role: 'status' });
  const log = h('ul', { className: 'upload-log' });
  const zone = h('div', { className: 'drop-zone', tabIndex: 0 }, h('p', { textContent: w().drop }), input, bar, status, log);
  zone.setAttribute('aria-label', w().upload);
  // Inline so the drop target is visible whatever the app stylesheet says.
  zone.style.cssText = 'border:2px dashed #8a8a8a;border-radius:6px;padding:8px;margin:8px 0';
  const highlight = (on: boolean) => { zone.classList.toggle('dragging', on); zone.style.borderColor = on ? '#0072B2' : '#8a8a8a'; };
  const run = async (files: File[]) => {
    const { send, tooBig } = splitBySize(files, maxBytes);
    log.replaceChildren(...tooBig.map((t) => h('li', { textContent: t })));
    const total = send.reduce((a, f) => a + f.size, 0) || 1;
    let doneBytes = 0;
    let changedGraph = false;
    bar.hidden = false;
    for (const [i, f] of send.entries()) {
      status.textContent = `${i + 1} / ${send.length}: ${f.name}`;
      try {
        const progress = (sent: number) => { bar.value = (doneBytes + sent) / total; };
        const s = await uploadFile(base, f, progress).catch(async (e: unknown) => {
          // Most of the loaded version's facts would go: show the difference and ask first.
          if (e instanceof HeldBack && window.confirm(`${e.message}\n\n${w().replace}`)) return uploadFile(base, f, progress, true);
          throw e;
        });
        changedGraph ||= s.files.some((x) => x.status === 'new' || x.status === 'updated');
        log.append(...describeUpload(s).map((t) => h('li', { textContent: t })));
      } catch (e) {
        log.append(h('li', { textContent: `${f.name}: ${(e as Error).message}` }));
      }
      doneBytes += f.size;
      bar.value = doneBytes / total;
    }
    status.textContent = `${send.length} ${w().sent}`;
    if (changedGraph) setTimeout(done, 1500); // leave the summary readable before the refresh
  };
  input.addEventListener('change', () => void run([...(input.files ?? [])]));
  zone.addEventListener('dragover', (ev) => { ev.preventDefault(); highlight(true); });
  zone.addEventListener('dragleave', () => highlight(false));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    highlight(false);
    void run([...(ev.dataTransfer?.files ?? [])]);
  });
  return zone;
}

function mergeList(base: string, merges: z.infer<typeof MergesSchema>, changed: () => void, rerender: () => void): HTMLElement {
  const post = async (path: string, body: unknown, after: () => void, note: HTMLElement) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken }, body: JSON.stringify(body) });
    if (res.ok) after();
    else note.textContent = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `failed (${res.status})`;
  };
  const items = merges.candidates.map((c) => {
    const note = h('span', { className: 'error', role: 'alert' });
    const reasons = h('ul', {}, ...c.reasons.map((r) => h('li', {}, `${r.kind}: ${r.detail}`, ...r.evidence.map((e) => h('q', { title: `${e.doc}:${e.line}`, textContent: e.quote })))));
    const buttons = merges.writable
      ? [
          h('button', { type: 'button', textContent: w().same, onclick: () => void post('/api/merges/confirm', { alias: c.alias.id, canonical: c.canonical.id }, changed, note) }),
          h('button', { type: 'button', textContent: w().different, onclick: () => void post('/api/merges/reject', { a: c.alias.id, b: c.canonical.id }, rerender, note) }),
        ]
      : [];
    return h('li', { className: 'merge-candidate' }, h('strong', { textContent: `${c.alias.name} → ${c.canonical.name}` }), ` (${c.score.toFixed(2)}) `, ...buttons, note, reasons);
  });
  return h('section', {}, h('h3', { textContent: `${w().duplicates} (${merges.candidates.length})` }), h('ul', {}, ...items));
}
