// Reads the text items of a PDF with pdf.js, in a thread of its own started without the
// TypeScript loader: pdf.js is plain JavaScript, and loads there in a fifth of the time.
// Plain .mjs on purpose: this thread has no TypeScript support.
import { parentPort } from 'node:worker_threads';

/** @type {Promise<any> | undefined} */
let pdfjs;

async function load(build) {
  const lib = await import(build.lib);
  lib.GlobalWorkerOptions.workerSrc = build.worker;
  return lib;
}

async function read(lib, job) {
  const task = lib.getDocument({ ...job.options, data: job.data });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw err;
  }
  try {
    const count = Math.min(doc.numPages, job.maxPages);
    const pages = [];
    for (let p = 1; p <= count; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform, width: i.width, height: i.height }] : [])));
      page.cleanup();
    }
    const info = (await doc.getMetadata().catch(() => null))?.info;
    return { numPages: doc.numPages, pages, title: typeof info?.Title === 'string' ? info.Title : undefined };
  } finally {
    await doc.destroy();
  }
}

parentPort.on('message', async (job) => {
  try {
    pdfjs ??= load(job.build);
    const result = await read(await pdfjs, job);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, name: err?.name ?? 'Error', message: String(err?.message ?? err) });
  }
});
