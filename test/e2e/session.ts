import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startAppServer } from './helpers.ts';
import type { AppServer, LaunchedBrowser } from './helpers.ts';

export interface AppSession {
  srv: AppServer;
  browser: LaunchedBrowser;
  page: Page;
}

/**
 * One real app over the seeds and one Chromium page for a whole spec file. A missing Chromium
 * fails every test with the install hint instead of showing them as skipped.
 */
export function useAppSession(prepare: (s: AppSession) => Promise<void>, onClose?: () => void, opts: { seedsDir?: () => string } = {}): void {
  let setupError: unknown;
  let session: Partial<AppSession> = {};
  beforeAll(async () => {
    try {
      // Settled apart so whichever did start is closed in afterAll.
      const [s, b] = await Promise.allSettled([startAppServer(opts.seedsDir ? { seedsDir: opts.seedsDir() } : {}), launchBrowser()]);
      if (s.status === 'fulfilled') session.srv = s.value;
      if (b.status === 'fulfilled') session.browser = b.value;
      if (b.status === 'rejected') throw b.reason;
      if (s.status === 'rejected') throw s.reason;
      const full = { ...session, page: session.browser!.page } as AppSession;
      session = full;
      full.page.on('pageerror', (e) => {
        throw e;
      });
      await prepare(full);
    } catch (e) {
      setupError = e;
    }
  });
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    onClose?.();
    await session.browser?.close();
    await session.srv?.close();
  });
}

/** GET a JSON answer from the app under test, asserting it succeeded. */
export async function getApi<T>(srv: AppServer, path: string): Promise<T> {
  const res = await fetch(new URL(path, srv.url));
  expect(res.ok, path).toBe(true);
  return (await res.json()) as T;
}
