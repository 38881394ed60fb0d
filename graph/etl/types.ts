import type { AgencyLevel, ExtractionWarning, GraphEdge, GraphNode, OrganisationType } from '../model/index.ts';

/** A source file as read: `lines[0]` is line 1. Evidence quotes are substrings of these lines. */
export interface SourceDocument {
  file: string; // file name as stored in seeds/ (evidence.doc)
  lines: string[];
  header: DocumentHeader;
}

export interface DocumentHeader {
  url?: string;
  indexNo?: string; // 索引号
  category?: string; // 信息分类
  publisher?: string; // 发布机构
  date?: string; // 发布日期
  title?: string; // 信息名称
  number?: string; // 文号
}

/**
 * A task as located in its document: a section heading with its body, or a table row.
 * Steps that read task text (technologies, organisations, dependencies) walk `lines`.
 */
export interface TaskSpan {
  taskId: string;
  kind: 'section' | 'tableRow';
  title: string;
  titleLine: number; // 1-based
  /** Every 1-based line whose text belongs to this task (title and body, not sub-sections). */
  lines: number[];
  parentId: string | null;
}

/** What the structure steps produce for one document; the input of every later step. */
export interface ParsedDocument {
  source: SourceDocument;
  documentId: string;
  tasks: TaskSpan[];
}

/** Any step's output; assemble merges fragments by id (aliases, props and evidence united). */
export interface GraphFragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
  warnings: ExtractionWarning[];
}

export function emptyFragment(): GraphFragment {
  return { nodes: [], edges: [], warnings: [] };
}

/** How a unit or organisation name is typed and named canonically. */
export interface ResolvedOrganisation {
  type: OrganisationType;
  canonical: string;
  level?: AgencyLevel;
  aliases?: string[];
  collective?: boolean;
}
