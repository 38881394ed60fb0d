const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as used in heading numbers (十一, 二十, 三十五). */
export function parseChineseNumber(text: string): number | null {
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? NaN);
  const ones = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? NaN);
  const n = tens * 10 + ones;
  return Number.isNaN(n) ? null : n;
}

const NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumber(n: number): string {
  if (n < 10) return NAMES[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (NAMES[tens] ?? '')}十${NAMES[n % 10] ?? ''}`;
}
