import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web/api/client.ts';
import { createLoading, errorMessage, LOADING_DELAY_MS } from '../../../web/ui/feedback.ts';

afterEach(() => { vi.useRealTimers(); });

describe('loading indicator', () => {
  it('stays hidden for work faster than 200 ms and shows for slower work until all of it ends', async () => {
    vi.useFakeTimers();
    const el = { hidden: true } as HTMLElement;
    const withLoading = createLoading(el);
    const fast = withLoading(() => new Promise((ok) => setTimeout(ok, LOADING_DELAY_MS - 50)));
    await vi.advanceTimersByTimeAsync(LOADING_DELAY_MS - 50);
    await fast;
    await vi.advanceTimersByTimeAsync(500);
    expect(el.hidden).toBe(true);
    const slow = withLoading(() => new Promise((ok) => setTimeout(ok, 1000)));
    const slower = withLoading(() => new Promise((ok) => setTimeout(ok, 1500)));
    await vi.advanceTimersByTimeAsync(LOADING_DELAY_MS + 1);
    expect(el.hidden).toBe(false);
    await vi.advanceTimersByTimeAsync(900);
    await slow;
    expect(el.hidden).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    await slower;
    expect(el.hidden).toBe(true);
  });

  it('hides again when the work fails', async () => {
    vi.useFakeTimers();
    const el = { hidden: true } as HTMLElement;
    const p = createLoading(el)(() => new Promise((_, no) => setTimeout(() => no(new Error('boom')), 300)));
    const done = expect(p).rejects.toThrow('boom');
    await vi.advanceTimersByTimeAsync(300);
    await done;
    expect(el.hidden).toBe(true);
  });

  it('words errors for people', () => {
    expect(errorMessage(new ApiError('node not found: agency:x', 404, 'not_found'))).toBe('node not found: agency:x');
    expect(errorMessage('plain')).toBe('plain');
  });
});
