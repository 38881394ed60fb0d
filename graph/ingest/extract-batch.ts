import type { SourceDocument } from '../etl/types.ts';
import { parseGraphJson } from '../store/validate.ts';
import { markAttachment } from './fetch/attachment-link.ts';
import { buildFragments, type DocumentFragment } from './fragment.ts';
import { annotateEvidence, type LineLocations } from './formats/locations.ts';
import type { MergeRules } from './merge-rules.ts';

/** One document of a batch: its text, where its lines came from (PDF page, sheet row), and its parent's id if an attachment. */
export interface BatchDocument {
  source: SourceDocument;
  locations?: LineLocations;
  attachedTo?: string;
}

export interface ExtractJob {
  context: readonly SourceDocument[];
  batch: readonly BatchDocument[];
  rules: MergeRules;
}

/**
 * Each document's fragment, annotated and marked, and parsed with the Graph JSON schema here —
 * where the fragment was made — so the store is handed input already checked (`parsed`) and the
 * check's cost is paid beside the ETL, on the ETL's thread.
 */
export function extractBatch(job: ExtractJob): [string, DocumentFragment][] {
  const fragments = buildFragments(job.context, job.batch.map((d) => d.source), job.rules);
  return job.batch.map(({ source, locations, attachedTo }): [string, DocumentFragment] => {
    const file = source.file;
    const frag = fragments.get(file) ?? { graph: { nodes: [], edges: [] }, warnings: [] };
    annotateEvidence(frag.graph, file, locations);
    if (attachedTo) markAttachment(frag.graph, file, attachedTo);
    return [file, { ...frag, graph: parseGraphJson(frag.graph, `fragment of ${file}`) }];
  });
}
