// Closed sets of the graph's vocabulary. Labels and relationship types in every
// store come only from these lists, never from input.
export const NODE_TYPES = ['Agency', 'Task', 'Institution', 'Enterprise', 'Technology', 'Document'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const EDGE_TYPES = [
  'LEADS', // Agency → Task (牵头)
  'COOPERATES', // Agency | Institution | Enterprise → Task (配合 / 协办)
  'RESPONSIBLE', // Agency | Institution | Enterprise → Task (责任单位：A、B、C with no word on who leads)
  'DEPENDS_ON', // the thing built → the organisation it relies on (依托)
  'TARGETS', // Task → Technology
  'PART_OF', // Task → parent Task or Document (section hierarchy, table rows)
  'SUBFIELD_OF', // Technology → broader Technology
  'MENTIONS', // Task → organisation named in its text
  'CITES', // section Task → table-row Task its responsibility clause cites (见附表N)
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Edges that carry responsibility; the only ones counted as workload. */
export const RESPONSIBILITY_EDGE_TYPES = ['LEADS', 'COOPERATES', 'RESPONSIBLE'] as const satisfies readonly EdgeType[];
export type ResponsibilityRole = (typeof RESPONSIBILITY_EDGE_TYPES)[number];

/** A responsibility edge type, or false for any other edge. */
export function isResponsibilityEdge(type: string): type is ResponsibilityRole {
  return type === 'LEADS' || type === 'COOPERATES' || type === 'RESPONSIBLE';
}

export const AGENCY_LEVELS = ['municipal', 'district', 'national', 'other'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** Organisation node types: the ones that can lead, cooperate or be relied on. */
export const ORGANISATION_TYPES = ['Agency', 'Institution', 'Enterprise'] as const satisfies readonly NodeType[];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * Deterministic node id from type and canonical name, e.g. `agency:发展改革局`.
 * Re-running the ETL therefore yields identical ids (idempotent loads, MERGE on id).
 */
export function nodeId(type: NodeType, canonicalName: string): string {
  return [type.toLowerCase(), ':', canonicalName].join('');
}

// Ids are built by join, not by + or a template: those give a rope (cons string) that every
// comparison and hash of the id (merging, sorting by id) must walk again; join gives a flat string.

/** Deterministic edge id: one edge per (type, source, target). */
export function edgeId(type: EdgeType, source: string, target: string): string {
  return [type, ':', source, '->', target].join('');
}

export function typeOfNodeId(id: string): NodeType | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return NODE_TYPES.find((t) => t.toLowerCase() === prefix);
}
