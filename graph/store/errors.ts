// A small error typology: callers branch on the class, never on message text.
// server/ maps each class to one HTTP status in one place.

export class GraphStoreError extends Error {
  override name = 'GraphStoreError';
}

/** A node, document or technology that is not in the graph (HTTP 404). */
export class NotFoundError extends GraphStoreError {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly key: string,
  ) {
    super(`${what} not found: ${key}`);
  }
}

/** Input a caller can fix: bad depth, malformed graph, unknown type (HTTP 400). */
export class InvalidInputError extends GraphStoreError {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The backing store cannot be reached or timed out (HTTP 503). Nothing was changed. */
export class StoreUnavailableError extends GraphStoreError {
  override name = 'StoreUnavailableError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
