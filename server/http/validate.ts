import type { z } from 'zod';

/** Where an input came from; named in 400 bodies so the caller knows what to fix. */
export type InputLocation = 'query' | 'params' | 'body';

/** A ZodError with the part of the request it was raised for. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(
    readonly location: InputLocation,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${location}`);
  }
}

/** Parses one part of a request and returns the parsed value (defaults applied, lists split). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new RequestValidationError(location, result.error.issues);
  return result.data;
}
