import type { EdgeType, NodeType } from '../../graph/model/index.ts';
import { explorerEn, explorerZh } from './messages-explorer.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const zhBase = {
  appTitle: '政策知识图谱',
  searchPlaceholder: '搜索机构、任务、技术…（按 / 聚焦）',
  searchLabel: '搜索节点',
  noMatches: '没有匹配项',
  emptyTitle: '从这里开始',
  emptyHint: '试试搜索「发展改革局」或「科信局」，或打开「工作量」视图看看哪些牵头单位任务最重。',
  emptyTryWorkload: '打开工作量视图',
  emptyTrySearch: '搜索 发展改革局',
  loading: '加载中…',
  errorPrefix: '出错了：',
  dismiss: '关闭',
  fit: '适应窗口',
  layout: '布局',
  layoutFcose: '力导向 (fcose)',
  layoutDagre: '层级 (dagre)',
  sizeBy: '节点大小',
  sizeDegree: '按度数',
  sizeWorkload: '按工作量',
  undo: '撤销',
  hide: '隐藏所选',
  collapse: '折叠',
  pin: '固定/取消固定',
  expand: '展开邻居',
  clear: '清空画布',
  language: 'English',
  // The visible word first: a spoken command ("English") must match the accessible name.
  languageLabel: 'English（切换界面语言）',
  filters: '筛选',
  nodeTypes: '节点类型',
  edgeTypes: '关系类型',
  document: '文件',
  allDocuments: '全部文件',
  agencyLevel: '机构级别',
  allLevels: '全部级别',
  yearRange: '期限年份',
  yearFrom: '起始年',
  yearTo: '截止年',
  legend: '图例',
  details: '详情',
  detailsEmpty: '选中一个节点或关系查看其属性与原文依据。',
  properties: '属性',
  degree: '按类型的度数',
  evidence: '原文依据',
  noEvidence: '没有原文依据',
  line: '行',
  incoming: '入',
  outgoing: '出',
  trace: '技术追踪',
  traceHint: '选择一个技术领域，例如「生命科学与生物技术」。',
  techLabel: '技术领域',
  agencies: '机构',
  led: '牵头',
  cooperated: '配合',
  responsibleRole: '责任（未分牵头）',
  tasks: '任务',
  workload: '工作量',
  workloadHint: '按附表中牵头与配合的行数排名；点击条形查看该机构的任务。',
  byYear: '按期限年份',
  noDeadline: '无期限',
  timeline: '时间线',
  timelineHint: '画布中的任务按规范化期限排列。',
  groupBy: '分组',
  perAgency: '按牵头单位',
  perTechnology: '按技术',
  noLead: '无牵头单位',
  noTasksOnCanvas: '画布上还没有任务，先展开一个机构或技术。',
  matrix: '责任矩阵',
  matrixHint: '所选（或画布上）的机构 × 任务：● 牵头，○ 配合。',
  exportCsv: '导出 CSV',
  build: '生成',
  paths: '路径',
  pathsHint: '选择两个节点，查找最短连接路径。',
  pathFrom: '起点',
  pathTo: '终点',
  findPaths: '查找路径',
  noPaths: '没有找到路径',
  consistency: '一致性',
  consistencyHint: '正文责任条款与附表行列出的单位不一致之处。',
  onlyInClause: '仅见于正文',
  onlyInRow: '仅见于附表',
  textPlace: '正文',
  tablePlace: '附表行',
  missingRow: '附表中没有该行',
  acrossDocuments: '文件之间',
  acrossDocumentsHint: '多个文件列出的同一任务，各文件给出的单位不同。',
  warnings: '抽取警告',
  exportLabel: '导出',
  exportScope: '当前视图（有选中时为选中项）',
  more: '还有 {n} 个',
  truncated: '结果已截断（上限 {n}）',
  documents: '文件',
  count: '数量',
  none: '无',
  canvasLabel: '关系图画布：方向键在相邻节点间移动，Enter 查看详情，e 展开，Delete 隐藏，+/− 缩放，f 适应窗口，Ctrl+Z 撤销，Esc 取消选择',
  toolbarLabel: '画布工具',
  panelsLabel: '视图',
  redo: '重做',
  filtersToggle: '筛选与图例',
  sheetToggle: '视图面板',
} as const;
const zh = { ...zhBase, ...explorerZh };

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...explorerEn,
  appTitle: 'Policy Graph',
  searchPlaceholder: 'Search agencies, tasks, technologies… (press /)',
  searchLabel: 'Search nodes',
  noMatches: 'No matches',
  emptyTitle: 'Start here',
  emptyHint: 'Try searching 发展改革局 or 科信局, or open the Workload view to see which lead units carry the most tasks.',
  emptyTryWorkload: 'Open the workload view',
  emptyTrySearch: 'Search 发展改革局',
  loading: 'Loading…',
  errorPrefix: 'Error: ',
  dismiss: 'Dismiss',
  fit: 'Fit',
  layout: 'Layout',
  layoutFcose: 'Force (fcose)',
  layoutDagre: 'Hierarchy (dagre)',
  sizeBy: 'Node size',
  sizeDegree: 'by degree',
  sizeWorkload: 'by workload',
  undo: 'Undo',
  hide: 'Hide',
  collapse: 'Collapse',
  pin: 'Pin',
  expand: 'Expand',
  clear: 'Clear',
  language: '中文',
  languageLabel: '中文 (switch interface language)',
  filters: 'Filters',
  nodeTypes: 'Node types',
  edgeTypes: 'Edge types',
  document: 'Document',
  allDocuments: 'All documents',
  agencyLevel: 'Agency level',
  allLevels: 'All levels',
  yearRange: 'Deadline years',
  yearFrom: 'From year',
  yearTo: 'To year',
  legend: 'Legend',
  details: 'Details',
  detailsEmpty: 'Select a node or an edge to see its properties and source evidence.',
  properties: 'Properties',
  degree: 'Degree by type',
  evidence: 'Evidence',
  noEvidence: 'No evidence',
  line: 'line',
  incoming: 'in',
  outgoing: 'out',
  trace: 'Trace',
  traceHint: 'Choose a technology domain, e.g. 生命科学与生物技术.',
  techLabel: 'Technology',
  agencies: 'Agencies',
  led: 'led',
  cooperated: 'cooperated',
  responsibleRole: 'responsible (lead not stated)',
  tasks: 'Tasks',
  workload: 'Workload',
  workloadHint: 'Ranked by table rows led and cooperated; click a bar to show that agency’s tasks.',
  byYear: 'By deadline year',
  noDeadline: 'no deadline',
  timeline: 'Timeline',
  timelineHint: 'Tasks on the canvas placed by their normalised deadlines.',
  groupBy: 'Group by',
  perAgency: 'lead agency',
  perTechnology: 'technology',
  noLead: 'no lead unit',
  noTasksOnCanvas: 'No tasks on the canvas yet: expand an agency or a technology first.',
  matrix: 'Matrix',
  matrixHint: 'Selected (or on-canvas) agencies × tasks: ● leads, ○ cooperates.',
  exportCsv: 'Export CSV',
  build: 'Build',
  paths: 'Paths',
  pathsHint: 'Pick two nodes to find the shortest connecting paths.',
  pathFrom: 'From',
  pathTo: 'To',
  findPaths: 'Find paths',
  noPaths: 'No path found',
  consistency: 'Consistency',
  consistencyHint: 'Where a responsibility clause in the text and the table row it cites name different units.',
  onlyInClause: 'only in text',
  onlyInRow: 'only in table',
  textPlace: 'text',
  tablePlace: 'table row',
  missingRow: 'row missing from the table',
  acrossDocuments: 'Across documents',
  acrossDocumentsHint: 'A task several documents name, where they give it different units.',
  warnings: 'Extraction warnings',
  exportLabel: 'Export',
  exportScope: 'Current view (selection if any)',
  more: '{n} more',
  truncated: 'Truncated at {n}',
  documents: 'Documents',
  count: 'Count',
  none: 'none',
  canvasLabel: 'Graph canvas: arrow keys move between neighbours, Enter shows details, e expands, Delete hides, + and − zoom, f fits, Ctrl+Z undoes, Esc clears the selection',
  toolbarLabel: 'Canvas tools',
  panelsLabel: 'Views',
  redo: 'Redo',
  filtersToggle: 'Filters',
  sheetToggle: 'View panels',
};

const NODE_TYPE_NAMES: Record<NodeType, [string, string]> = {
  Agency: ['机构', 'Agency'],
  Task: ['任务', 'Task'],
  Institution: ['机构(事业/院所)', 'Institution'],
  Enterprise: ['企业', 'Enterprise'],
  Technology: ['技术', 'Technology'],
  Document: ['文件', 'Document'],
};
const EDGE_TYPE_NAMES: Record<EdgeType, [string, string]> = {
  LEADS: ['牵头', 'leads'],
  COOPERATES: ['配合', 'cooperates'],
  RESPONSIBLE: ['责任', 'responsible'],
  DEPENDS_ON: ['依托', 'depends on'],
  TARGETS: ['涉及技术', 'targets'],
  PART_OF: ['隶属', 'part of'],
  SUBFIELD_OF: ['子领域', 'subfield of'],
  MENTIONS: ['提及', 'mentions'],
  CITES: ['引用附表', 'cites'],
};

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'policy-graph.lang';
let current: Lang = 'zh';
const listeners = new Set<(lang: Lang) => void>();

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICTS[current][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
export function getLang(): Lang {
  return current;
}
export function setLang(lang: Lang, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  current = lang;
  storage?.setItem(STORAGE_KEY, lang);
  for (const fn of listeners) fn(lang);
}
export function loadLang(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Lang {
  const saved = storage?.getItem(STORAGE_KEY);
  current = saved === 'en' || saved === 'zh' ? saved : 'zh';
  return current;
}
export function onLangChange(fn: (lang: Lang) => void): void {
  listeners.add(fn);
}
/** Both names, the current language first, so an analyst always sees the document's own word. */
export function nodeTypeName(type: NodeType, both = false): string {
  const [z, e] = NODE_TYPE_NAMES[type];
  if (!both) return current === 'zh' ? z : e;
  return current === 'zh' ? `${z} ${e}` : `${e} ${z}`;
}
export function edgeTypeName(type: EdgeType, both = false): string {
  const [z, e] = EDGE_TYPE_NAMES[type];
  if (!both) return current === 'zh' ? z : e;
  return current === 'zh' ? `${z} ${e}` : `${e} ${z}`;
}
/** Fill every element carrying data-i18n / data-i18n-placeholder / data-i18n-label. */
export function applyI18n(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n as MessageKey); });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey); });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel as MessageKey)); });
}
