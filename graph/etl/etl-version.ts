/**
 * Bumped whenever the same text would be read into other ids or facts (2: table rows are named
 * by their title; 3: wrapped clauses, names placed in other cities and districts read anew). Every Document node carries it, so a graph an older ETL wrote is recognised
 * and rebuilt from its documents instead of being mixed with newly read facts.
 */
export const ETL_VERSION = 3;
