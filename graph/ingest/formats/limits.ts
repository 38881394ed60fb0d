/** Caps on what one input may make us read: each refusal or cut gets a one-line message. */
export const FORMAT_LIMITS = {
  /** Largest input file read at all (checked before reading, from its size). */
  maxInputBytes: 100 * 1024 * 1024,
  /** Total uncompressed size a .docx/.xlsx zip may declare: past it the file is a zip bomb to us. */
  maxUnzippedBytes: 256 * 1024 * 1024,
  /** Entries in such a zip; real documents have tens. */
  maxZipEntries: 10_000,
  /** Rows read from one sheet or CSV; a division-of-labour table has hundreds. */
  maxSheetRows: 50_000,
  /** Pages read from one PDF. */
  maxPdfPages: 2_000,
} as const;

/** A one-line refusal raised by a format reader; read-input turns it into a refused outcome. */
export class FormatRefusal extends Error {
  override readonly name = 'FormatRefusal';
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
