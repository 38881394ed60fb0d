import { z } from 'zod';
import { AGENCY_LEVELS } from './ids.ts';

/** What sort of public body an Agency is (props.kind); collective phrases have none. */
export const AGENCY_KINDS = ['government', 'party', 'people', 'court', 'procuratorate'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** JSON-safe property values: what every store can hold and give back unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);
export const PropsSchema = z.record(z.string(), JsonValueSchema);
export type Props = z.infer<typeof PropsSchema>;

// ongoing (长期 / 持续推进) and recurring (每年 / 每季度) span the document's period, or end '' where it states none.
export const TIME_PRECISIONS = ['day', 'month', 'quarter', 'half', 'year', 'period', 'ongoing', 'recurring'] as const;

/**
 * A normalised time expression. `text` keeps the document's own words (an analyst needs them);
 * `start`/`end` are ISO dates (YYYY-MM-DD) a timeline can place. `start` is null for "by <end>".
 */
export const TimeIntervalSchema = z.object({
  text: z.string(),
  start: z.string().nullable(),
  end: z.string(),
  precision: z.enum(TIME_PRECISIONS),
  label: z.string().describe('compact form: 2009, 2010-10, 2009-Q4, 2009-H1, 2011–2015'),
});
export type TimeInterval = z.infer<typeof TimeIntervalSchema>;

/** Known properties per node type. Stored in `props`; documented here so every reader agrees. */
export const AgencyPropsSchema = z.object({
  level: z.enum(AGENCY_LEVELS),
  /** 各相关部门, 各区政府…: visible, but never counted as a specific agency. */
  collective: z.boolean().optional(),
  /** Whose body it is: 深圳市, 广州市, 广州市越秀区, 广东省, 国家 (read from the issuing document). */
  jurisdiction: z.string().optional(),
  /** government body, party body (市委组织部), people's organisation (团市委, 科协), court, procuratorate. */
  kind: z.enum(AGENCY_KINDS).optional(),
});
/**
 * A section belongs to one document (`doc`, `path`, `depth`). A table row can be named by
 * several documents and is one node for all of them, so it holds only what its title says;
 * each document's placement of it is on its PART_OF edge (PartOfRowPropsSchema).
 */
export const TaskPropsSchema = z.object({
  doc: z.string().optional(),
  kind: z.enum(['section', 'tableRow']),
  /** Section path such as "四.(一).1". */
  path: z.string().optional(),
  depth: z.number().int().optional(),
  goals: z.string().optional(),
  work: z.string().optional(),
  deadlines: z.array(TimeIntervalSchema).optional(),
});
/** PART_OF from a table row to its document: where that document puts the row. */
export const PartOfRowPropsSchema = z.object({
  doc: z.string(),
  tableNo: z.number().int(),
  group: z.string(),
  groupNo: z.number().int(),
});
export const DocumentPropsSchema = z.object({
  file: z.string(),
  /** The ETL_VERSION that read it (graph/etl/etl-version.ts). */
  etlVersion: z.number().int().optional(),
  url: z.string().optional(),
  indexNo: z.string().optional(),
  category: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  title: z.string().optional(),
  number: z.string().optional(),
  contentHash: z.string().optional(),
  /** An attachment (a table, Word file or PDF published with a notice): the id of that notice's Document. */
  attachedTo: z.string().optional(),
});
export const TechnologyPropsSchema = z.object({
  kind: z.enum(['domain', 'area']),
  no: z.number().int().optional(),
});
