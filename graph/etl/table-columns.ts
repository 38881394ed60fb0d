/**
 * Division-of-labour table columns, told apart by the wording of their titles (any order):
 * 序号; 重点任务 / 工作任务 / 具体工作任务 / 工作内容 / 主要措施; 牵头单位 / 牵头部门 / 主责单位;
 * 配合单位 / 协办单位 / 参与单位 / 协同单位; 责任单位 / 责任部门; 完成时限 / 时间节点 / 进度安排.
 */
export const COLUMN_KINDS = ['no', 'task', 'lead', 'coop', 'resp', 'deadline', 'other'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

const TITLE_MAX = 14;
const RULES: [Exclude<ColumnKind, 'other'>, RegExp][] = [
  ['no', /^(?:序号|编号|序)$/],
  ['lead', /^(?:牵头|主责|主办)(?:单位|部门)/],
  ['coop', /^(?:配合|协办|参与|协同|协助)(?:单位|部门)/],
  ['resp', /^(?:责任|实施|承办)(?:单位|部门)/],
  ['deadline', /(?:时限|时间节点|完成时间|进度安排|时间安排|完成期限|完成时间节点)$/],
  ['task', /(?:任务|工作内容|主要措施|工作措施|具体措施|重点工作|工作事项|主要内容|项目名称|具体工作)$/],
];

/** The kind of one column title, or null for text that is no column title at all. */
export function classifyColumn(title: string): ColumnKind | null {
  const t = title.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
  if (!t || t.length > TITLE_MAX) return null;
  for (const [kind, re] of RULES) if (re.test(t)) return kind;
  return null;
}

/** A header names a task column and who answers for it (a lead or a responsible column). */
export function isTableHeader(kinds: readonly (ColumnKind | null)[]): boolean {
  let task = 0;
  let unit = 0;
  let known = 0;
  for (const k of kinds) {
    if (k === null) return false;
    if (k === 'task') task++;
    if (k === 'lead' || k === 'resp') unit++;
    if (k !== 'other') known++;
  }
  return task === 1 && unit >= 1 && known >= 2;
}

/** Where a cell's text goes in a row: 责任单位 beside a 牵头单位 column cooperates. */
export function cellRole(kind: ColumnKind, kinds: readonly ColumnKind[]): 'lead' | 'coop' | 'resp' | 'deadline' | null {
  if (kind === 'lead' || kind === 'coop' || kind === 'deadline') return kind;
  if (kind === 'resp') return kinds.includes('lead') ? 'coop' : 'resp';
  return null;
}
