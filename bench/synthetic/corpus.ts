import { Prng } from './prng.ts';
import { KNOWN_TECHNOLOGIES, makeVocabulary, taskTitle, type Vocabulary } from './vocabulary.ts';

// Documents in the seeds' text format (header lines, numbered sections, responsibility
// clauses citing a division-of-labour table, then the table itself, one cell per line),
// so the real ETL reads them the way it reads the seeds.

export interface CorpusOptions {
  documents: number;
  seed?: number;
  /** Top-level work areas per document; each has 2–4 numbered tasks. */
  sections?: number;
}

export interface SyntheticDocument {
  file: string;
  text: string;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const IND = '\u3000\u3000'; // the seeds indent body lines with two ideographic spaces

/** 1 → 一, 12 → 十二, 41 → 四十一 (enough for section and table-group numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${ones === 0 ? '' : (CN_DIGITS[ones] ?? '')}`;
}

interface Row {
  no: number;
  name: string;
  leads: string[];
  cooperates: string[];
}

/** 市A局、B局 — the seeds write 市 once before the first municipal unit. */
function unitList(units: readonly string[]): string {
  return units.map((u, i) => (i === 0 && !u.endsWith('区政府') ? `市${u}` : u)).join('、');
}

function pickUnits(rng: Prng, v: Vocabulary, min: number, max: number): string[] {
  const units = rng.sample(v.agencies, rng.int(min, max));
  if (rng.chance(0.2)) units.push(rng.pick(v.districts));
  return units;
}

function header(index: number, title: string): string[] {
  const no = String(index).padStart(6, '0');
  return [
    `http://www.sz.gov.cn/zfgb/synthetic/t${no}.htm`,
    `索引号: 043000-10-2026-${no}`,
    '信息分类: 市委市政府文件',
    '发布机构: 深圳市人民政府',
    `发布日期: 2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    `信息名称: 深圳市人民政府关于印发${title}的通知`,
    `文   号: 深府〔2026〕${index + 1}号`,
    '关键词:  ',
    '',
    '各区人民政府，市政府直属各单位：',
    `${IND}《${title}》已经市政府同意，现予印发，请遵照执行。`,
    '                      深圳市人民政府',
    '二○二六年一月十二日',
    `${IND}为切实推进${title}，制定本实施方案。`,
  ];
}

function taskBody(rng: Prng, v: Vocabulary): string {
  const tech = rng.sample(v.technologies, 3);
  const inst = rng.pick(v.institutions);
  const ent = rng.pick(v.enterprises);
  const built = rng.pick(v.built);
  const year = rng.int(2026, 2030);
  return (
    `${IND}工作任务：（1）依托${inst}，组建${built}；重点发展${tech.join('、')}等关键技术，推进${rng.pick(KNOWN_TECHNOLOGIES)}产业化，` +
    `支持${ent}开展产业化应用。（2）${year}年底前完成项目建设，${year + 1}年第${chineseNumber(rng.int(1, 4))}季度通过验收。`
  );
}

function clause(rng: Prng, rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return '';
  // Usually the clause agrees with the first cited row; sometimes it does not (consistency findings).
  const leads = rng.chance(0.9) ? first.leads : first.leads.slice(0, 1);
  const coop = first.cooperates.length > 0 ? `，${unitList(first.cooperates)}等配合` : '';
  return `${IND}责任单位：${unitList(leads)}牵头${coop}（见附表${rows.map((r) => r.no).join('、')}）。`;
}

function tableLines(title: string, groups: readonly { name: string; rows: Row[] }[], rng: Prng): string[] {
  const out = [`${IND}附表：${title}分工一览表`, ' ', `${title}分工一览表`, '具体工作任务', '牵头单位', '协办单位'];
  groups.forEach((g, gi) => {
    out.push(`（${chineseNumber(gi + 1)}）${g.name}`);
    for (const r of g.rows) {
      out.push(`${r.no}.${r.name}`);
      const leads = unitList(r.leads);
      // A lead cell broken over two lines, as in seed row 19.
      if (r.leads.length > 1 && rng.chance(0.05)) out.push(`市${r.leads[0]}、 `, unitList(r.leads.slice(1)).replace(/^市/u, ''));
      else out.push(leads);
      out.push(r.cooperates.length === 0 ? rng.pick(['/', ' ']) : `${unitList(r.cooperates)}等`);
    }
  });
  return out;
}

/** One synthetic plan; `index` makes the file name and the numbering unique. */
export function generateDocument(rng: Prng, v: Vocabulary, index: number, sections = 20): SyntheticDocument {
  const title = `深圳${rng.pick(v.technologies).replace(/技术$/u, '')}发展实施方案`;
  const lines = header(index, title);
  lines.push(`${IND}一、指导思想`, `${IND}全面落实创新驱动发展战略，加快${rng.pick(v.technologies)}的研发和应用。`);
  lines.push(`${IND}二、主要工作`);
  const groups: { name: string; rows: Row[] }[] = [];
  let rowNo = 0;
  for (let s = 1; s <= sections; s++) {
    const area = taskTitle(rng, v);
    lines.push(`${IND}（${chineseNumber(s)}）${area}。`);
    const group = { name: area, rows: [] as Row[] };
    groups.push(group);
    const tasks = rng.int(2, 4);
    for (let t = 1; t <= tasks; t++) {
      const rows: Row[] = [];
      for (let k = rng.int(1, 3); k > 0; k--) {
        rowNo++;
        rows.push({ no: rowNo, name: taskTitle(rng, v), leads: pickUnits(rng, v, 1, 2), cooperates: rng.chance(0.85) ? pickUnits(rng, v, 1, 6) : [] });
      }
      group.rows.push(...rows);
      lines.push(`${IND}${t}．${rows[0]?.name ?? taskTitle(rng, v)}。`);
      lines.push(`${IND}主要目标：${rows.map((r) => r.name).join('；')}。`);
      lines.push(taskBody(rng, v));
      lines.push(clause(rng, rows));
    }
  }
  lines.push(`${IND}三、保障措施`, `${IND}各区、各部门要加强组织领导，落实工作责任。`);
  lines.push(...tableLines(title, groups, rng));
  return { file: `900_synthetic_${String(index).padStart(6, '0')}.txt`, text: lines.join('\n') + '\n' };
}

/** A whole corpus, generated lazily so a 1,000-document run never holds every text at once. */
export function* generateCorpus(options: CorpusOptions): Generator<SyntheticDocument> {
  const rng = new Prng(options.seed ?? 20260101);
  const vocab = makeVocabulary(rng, Math.max(1, Math.sqrt(options.documents / 10)));
  for (let i = 0; i < options.documents; i++) yield generateDocument(rng, vocab, i, options.sections);
}
