import { FormatRefusal } from '../formats/limits.ts';

/** A URL that is not fetched or whose response is not read: one line, the run goes on. */
export class FetchRefusal extends FormatRefusal {}
