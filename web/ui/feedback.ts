import { ApiError } from '../api/client.ts';
import { t } from './i18n.ts';

export const LOADING_DELAY_MS = 200;

/** Show `el` only when work is still running after the delay, so fast answers do not flicker. */
export function createLoading(el: HTMLElement, delay = LOADING_DELAY_MS) {
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return async function withLoading<T>(work: () => Promise<T>): Promise<T> {
    active++;
    if (active === 1) timer = setTimeout(() => { el.hidden = false; }, delay);
    try {
      return await work();
    } finally {
      active--;
      if (active === 0) {
        clearTimeout(timer);
        el.hidden = true;
      }
    }
  };
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function showErrorIn(container: HTMLElement, e: unknown): void {
  const box = document.createElement('div');
  box.className = 'error';
  const msg = document.createElement('span');
  msg.textContent = `${t('errorPrefix')}${errorMessage(e)}`;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('dismiss');
  close.addEventListener('click', () => box.remove());
  box.append(msg, close);
  container.append(box);
  setTimeout(() => box.remove(), 12_000);
}

/** Small DOM helper: element with class/text and children, so panels stay readable. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}
