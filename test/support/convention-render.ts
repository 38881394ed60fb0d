/**
 * One set of responsibility facts written out in each convention a plan may use, so a test can
 * check that every convention reads as the same LEADS / COOPERATES. The wording follows real
 * municipal plans; the facts (tasks, units) are invented.
 */
export interface TaskFacts {
  title: string;
  lead: string[];
  coop: string[];
}

export const RENDERINGS = ['seed', 'bracketed', 'unlabelled-bracket', 'marked-lead', 'unsplit-first-leads', 'prose', 'table-cells', 'table-tabs', 'table-html', 'table-marked-lead'] as const;
export type Rendering = (typeof RENDERINGS)[number];

/** Renderings that can say two units lead one task; 责任单位：A、B、C names one leader only. */
export function canRender(r: Rendering, tasks: readonly TaskFacts[]): boolean {
  return r !== 'unsplit-first-leads' || tasks.every((t) => t.lead.length === 1);
}

const CITY = '韶关市';
const TITLE = `${CITY}推进科技创新重点工作实施方案`;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BODY = '加快推进相关工作，形成一批可复制推广的经验做法';
const LEAD_LABELS = ['牵头单位', '牵头部门', '主责单位'];
const COOP_LABELS = ['配合单位', '协办单位', '参与单位', '协同单位'];

/** The document text (or page) for `tasks` in convention `r`, and its file name. */
export function renderPlan(r: Rendering, tasks: readonly TaskFacts[]): { name: string; text: string } {
  switch (r) {
    case 'seed':
      return text(r, tasks.map((t, i) => [heading(i, t), `\u3000\u3000${BODY}。`, `\u3000\u3000责任单位：${t.lead.join('、')}牵头${t.coop.length ? `，${t.coop.join('、')}等配合` : ''}。`]));
    case 'bracketed':
      return text(r, tasks.map((t, i) => {
        const coop = t.coop.length ? `；${COOP_LABELS[i % COOP_LABELS.length]}：${t.coop.join('、')}` : '';
        return [heading(i, t), `\u3000\u3000${BODY}。（${LEAD_LABELS[i % LEAD_LABELS.length]}：${t.lead.join('、')}${coop}）`];
      }));
    case 'unlabelled-bracket':
      return text(r, tasks.map((t, i) => [heading(i, t), `\u3000\u3000${BODY}。（${t.lead.join('、')}牵头${t.coop.length ? `，${t.coop.join('、')}等按职责分工负责` : ''}）`]));
    case 'marked-lead':
      return text(r, tasks.map((t, i) => [heading(i, t), `\u3000\u3000${BODY}。（责任单位：${[...t.lead.map((u) => `${u}（牵头）`), ...t.coop].join('、')}）`]));
    case 'table-marked-lead':
      return { name: `${r}.txt`, text: [TITLE, '', ['序号', '重点任务', '责任单位'].join('\t'), ...tasks.map((t, i) => [String(i + 1), t.title, [...t.lead.map((u) => `${u}〔牵头〕`), ...t.coop].join('、')].join('\t'))].join('\n') };
    case 'unsplit-first-leads':
      return text(r, tasks.map((t, i) => [heading(i, t), `\u3000\u3000${BODY}。（责任单位：${[...t.lead, ...t.coop].join('、')}）`]), '\u3000\u3000各项任务中，排在第一位的为牵头单位。');
    case 'prose':
      return text(r, tasks.map((t, i) => [heading(i, t), `\u3000\u3000${t.coop.length ? `由${t.lead.join('、')}牵头，${t.coop.join('、')}配合` : `由${t.lead.join('、')}牵头负责`}，${BODY}。`]));
    case 'table-cells':
      return { name: `${r}.txt`, text: [TITLE, '', `附表：${TITLE}分工表`, ' ', '序号', '重点任务', '牵头单位', '配合单位', ...tasks.flatMap((t, i) => [String(i + 1), t.title, t.lead.join('、'), t.coop.join('、') || ' '])].join('\n') };
    case 'table-tabs':
      return { name: `${r}.txt`, text: [TITLE, '', ['序号', '重点任务', '牵头单位', '配合单位'].join('\t'), ...tasks.map((t, i) => [String(i + 1), t.title, t.lead.join('、'), t.coop.join('、')].join('\t'))].join('\n') };
    case 'table-html': {
      const rows = tasks.map((t, i) => `<tr><td>${i + 1}</td><td>${t.title}</td><td>${t.lead.join('<br>')}</td><td>${t.coop.join('、')}</td></tr>`);
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="${TITLE}"><meta name="ContentSource" content="${CITY}人民政府"><title>${TITLE}</title></head><body><div id="zoom"><p>${TITLE}</p><table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>${rows.join('')}</table></div></body></html>`;
      return { name: `${r}.html`, text: html };
    }
  }
}

function heading(i: number, t: TaskFacts): string {
  return `\u3000\u3000（${NUMERALS[i]}）${t.title}。`;
}

function text(r: Rendering, items: string[][], note?: string): { name: string; text: string } {
  const lines = [TITLE, '', '\u3000\u3000为加快建设区域科技创新中心，制定本方案。', ...(note ? [note] : []), '\u3000\u3000一、重点任务', ...items.flat(), '\u3000\u3000二、保障措施', '\u3000\u3000各地各部门要加强组织领导，抓好落实。'];
  return { name: `${r}.txt`, text: lines.join('\n') };
}
