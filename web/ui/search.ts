import type { GraphNode, NodeType } from '../../graph/model/index.ts';
import type { ApiClient } from '../api/client.ts';
import { glossOf } from '../cy/to-cy-elements.ts';
import { NODE_STYLE, textColorOn } from '../cy/styles.ts';
import { errorMessage, h } from './feedback.ts';
import { getLang, nodeTypeName, t } from './i18n.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  api: ApiClient;
  types?: readonly NodeType[];
  onChoose: (node: GraphNode) => void;
  debounceMs?: number;
}

export function typeBadge(type: NodeType): HTMLSpanElement {
  const b = h('span', { class: 'badge' }, nodeTypeName(type));
  b.style.background = NODE_STYLE[type].color;
  b.style.color = textColorOn(NODE_STYLE[type].color);
  return b;
}

/**
 * Suggestions as you type (names and aliases: 科信局 finds 科技信息局), as an ARIA combobox:
 * arrows move, Enter chooses, Escape closes. Late answers to earlier keystrokes are ignored.
 */
export function createSearchBox(o: SearchBoxOptions): { clear(): void } {
  let hits: GraphNode[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listId = o.list.id || `list-${Math.random().toString(36).slice(2)}`;
  o.list.id = listId;

  function close(): void {
    o.list.hidden = true;
    o.input.setAttribute('aria-expanded', 'false');
    o.input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function choose(i: number): void {
    const node = hits[i];
    if (!node) return;
    o.input.value = node.name;
    close();
    o.onChoose(node);
  }
  function mark(i: number): void {
    active = i;
    [...o.list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) o.input.setAttribute('aria-activedescendant', `${listId}-${i}`);
  }
  function render(matched: string[]): void {
    if (hits.length === 0) {
      o.list.replaceChildren(h('li', { role: 'option', 'aria-disabled': 'true' }, t('noMatches')));
    } else {
      o.list.replaceChildren(...hits.map((n, i) => {
        const gloss = glossOf(n);
        const alias = matched[i] && matched[i] !== n.name ? `← ${matched[i]}` : '';
        const li = h('li', { role: 'option', id: `${listId}-${i}`, 'aria-selected': 'false', 'data-id': n.id },
          typeBadge(n.type), h('span', { class: 'name' }, n.name),
          getLang() === 'en' && gloss ? h('span', { class: 'gloss' }, gloss) : null,
          alias ? h('span', { class: 'alias' }, alias) : null);
        li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
        return li;
      }));
    }
    o.list.hidden = false;
    o.input.setAttribute('aria-expanded', 'true');
  }
  async function query(q: string): Promise<void> {
    const mine = ++seq;
    try {
      const res = await o.api.search(q, { types: o.types, limit: 12 });
      if (mine !== seq) return;
      hits = res.hits.map((x) => x.node);
      render(res.hits.map((x) => x.matched));
      mark(hits.length ? 0 : -1);
    } catch (e) {
      if (mine !== seq) return;
      hits = [];
      o.list.replaceChildren(h('li', { role: 'option', 'aria-disabled': 'true', class: 'flag' }, errorMessage(e)));
      o.list.hidden = false;
    }
  }
  o.input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = o.input.value.trim();
    if (!q) { seq++; close(); return; }
    timer = setTimeout(() => void query(q), o.debounceMs ?? 120);
  });
  o.input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) { ev.preventDefault(); mark((active + 1) % hits.length); }
    else if (ev.key === 'ArrowUp' && hits.length) { ev.preventDefault(); mark((active - 1 + hits.length) % hits.length); }
    else if (ev.key === 'Enter' && !o.list.hidden) { ev.preventDefault(); choose(Math.max(active, 0)); }
    else if (ev.key === 'Escape') { close(); ev.stopPropagation(); }
  });
  o.input.addEventListener('blur', () => setTimeout(close, 150));
  return { clear: () => { o.input.value = ''; close(); } };
}
