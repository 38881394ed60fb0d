import { z } from 'zod';
import { FORMAT_LIMITS } from '../formats/limits.ts';

/** How far one HTTP fetch may go before it is refused; every limit has its own one-line reason. */
export const FetchOptionsSchema = z.object({
  /** Largest response body read: the same cap as a file on disk. */
  maxBytes: z.number().int().positive().default(FORMAT_LIMITS.maxInputBytes),
  /** Time for the server to answer (connect and response headers). */
  connectMs: z.number().positive().default(20_000),
  /** Time for the whole response, body included. */
  totalMs: z.number().positive().default(60_000),
  /** Redirects followed; a chain longer than this is refused. */
  maxRedirects: z.number().int().min(0).default(5),
});
export type FetchOptions = z.infer<typeof FetchOptionsSchema>;
export type FetchOptionsInput = z.input<typeof FetchOptionsSchema>;

export function fetchOptions(input: FetchOptionsInput = {}): FetchOptions {
  return FetchOptionsSchema.parse(input);
}
