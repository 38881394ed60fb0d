import type { Page } from 'playwright-core';
import { chromiumCpu, cpuRate, type ChromiumCpu } from './chromium-cpu.ts';

export interface InputFigures {
  /** Input time over frames drawn: idle frames between events cannot hide a slow redraw. */
  frameMeanMs: number;
  frameMedianMs: number;
  frameP95Ms: number;
  /** CPU-seconds per second of each Chromium process kind while the input ran (null without /proc). */
  cpu: ChromiumCpu | null;
}

/**
 * Pans and zooms whatever the page shows with real input — mouse drags and wheel events, as a
 * user's hand makes them — counting the page's frames with requestAnimationFrame while it runs.
 * Stops after ~8 s so a slow renderer cannot eat the bench's budget.
 */
export async function driveRealInput(page: Page, browserPid: number | null): Promise<InputFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cpu0 = browserPid ? chromiumCpu(browserPid) : null;
  const t0 = Date.now();
  const stop = t0 + 8_000;
  await page.mouse.move(700, 430);
  for (let drag = 0; drag < 4 && Date.now() < stop; drag++) {
    await page.mouse.down();
    for (let i = 1; i <= 10 && Date.now() < stop; i++) await page.mouse.move(700 + i * 14 * (drag % 2 ? -1 : 1), 430 + i * 6);
    await page.mouse.up();
    await page.mouse.wheel(0, drag % 2 ? 120 : -120);
  }
  const frames = await page.evaluate(async () => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    w.__recording = false;
    return w.__frames;
  });
  const cpu1 = browserPid ? chromiumCpu(browserPid) : null;
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  return {
    frameMeanMs: frames.length > 1 ? (frames.at(-1)! - frames[0]!) / (frames.length - 1) : NaN,
    frameMedianMs: intervals[Math.ceil(intervals.length / 2) - 1] ?? NaN,
    frameP95Ms: intervals[Math.ceil(intervals.length * 0.95) - 1] ?? NaN,
    cpu: cpu0 && cpu1 ? cpuRate(cpu0, cpu1, Date.now() - t0) : null,
  };
}
