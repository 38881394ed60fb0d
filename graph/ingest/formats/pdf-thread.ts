import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** One text item as pdf.js gives it: the text, where it is drawn, and its size. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfItems {
  numPages: number;
  /** Text items of the first `maxPages` pages. */
  pages: PdfTextItem[][];
  /** The Title of the document information, as written. */
  title?: string;
}

/** What pdf.js threw, by name: PasswordException is an encrypted PDF, anything else a corrupt one. */
export class PdfJsError extends Error {
  constructor(
    readonly pdfName: string,
    message: string,
  ) {
    super(message);
  }
}

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const BUILD = join(PDFJS_DIR, 'legacy', 'build');
const href = (path: string) => pathToFileURL(path).href;

const OPTIONS = {
  cMapUrl: href(join(PDFJS_DIR, 'cmaps')) + '/',
  cMapPacked: true,
  standardFontDataUrl: href(join(PDFJS_DIR, 'standard_fonts')) + '/',
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
};

const ItemSchema = z.object({ str: z.string(), transform: z.array(z.number()), width: z.number(), height: z.number() });
/** What the thread sends back (pdf-text-worker.mjs), checked: it is another thread's word. */
const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), result: z.object({ numPages: z.number().int(), pages: z.array(z.array(ItemSchema)), title: z.string().optional() }) }),
  z.object({ id: z.number(), ok: z.literal(false), name: z.string(), message: z.string() }),
]);
let thread: { worker: Worker; waiting: Map<number, { resolve(r: PdfItems): void; reject(e: Error): void }> } | undefined;
let nextId = 0;

/**
 * The text items of a PDF, read by pdf.js (its minified build: no source maps to read) in a worker
 * thread started without the process's loader flags (`--import tsx`), which would otherwise
 * transform and map pdf.js's 3 MB on every cold start. One thread serves the process; it does
 * not keep the process alive.
 */
export function readPdfItems(bytes: Uint8Array, maxPages: number): Promise<PdfItems> {
  const t = (thread ??= startThread());
  const id = nextId++;
  // The thread takes ownership of the buffer it is given: it gets a copy.
  const data = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    t.waiting.set(id, { resolve, reject });
    t.worker.ref();
    t.worker.postMessage({ id, data, maxPages, options: OPTIONS, build: { lib: href(join(BUILD, 'pdf.min.mjs')), worker: href(join(BUILD, 'pdf.worker.min.mjs')) } }, [data.buffer]);
  });
}

function startThread(): NonNullable<typeof thread> {
  const worker = new Worker(new URL('./pdf-text-worker.mjs', import.meta.url), { execArgv: [] });
  const t = { worker, waiting: new Map<number, { resolve(r: PdfItems): void; reject(e: Error): void }>() };
  const fail = (err: Error) => {
    if (thread === t) thread = undefined;
    for (const w of t.waiting.values()) w.reject(err);
    t.waiting.clear();
  };
  worker.unref();
  worker.on('message', (message: unknown) => {
    const parsed = ReplySchema.safeParse(message);
    if (!parsed.success) {
      fail(new Error(`the PDF reader thread sent an unreadable reply (${parsed.error.issues[0]?.message ?? 'bad shape'})`));
      return void worker.terminate();
    }
    const reply = parsed.data;
    const w = t.waiting.get(reply.id);
    t.waiting.delete(reply.id);
    if (t.waiting.size === 0) worker.unref();
    if (!w) return;
    if (reply.ok) w.resolve(reply.result);
    else w.reject(new PdfJsError(reply.name, reply.message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PDF reader thread stopped (exit ${code})`)));
  return t;
}
