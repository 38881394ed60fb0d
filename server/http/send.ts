import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Sends a response body typed by its shared schema. Checked at compile time only: the schemas
 * are the contract, and re-parsing large subgraphs on every request would cost more than it buys.
 */
export function sendJson<S extends z.ZodType>(res: Response, _schema: S, value: z.input<S>): void {
  res.json(value);
}
