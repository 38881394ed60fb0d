import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds used so far by a Chromium and its child processes, by process kind. */
export interface ChromiumCpu {
  browser: number;
  renderer: number;
  gpu: number;
  other: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * Reads /proc for `rootPid` and every process below it: the page's renderer draws the 2D canvas
 * in the no-GPU profile, while with GL flags the GPU process does (what frame times alone hide).
 * Returns null where /proc is not there to read.
 */
export function chromiumCpu(rootPid: number): ChromiumCpu | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(e), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const out: ChromiumCpu = { browser: 0, renderer: 0, gpu: 0, other: 0 };
  const below = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
      if (p === rootPid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, s] of stats) {
    if (!below(pid)) continue;
    if (pid === rootPid) {
      out.browser += s.ms;
      continue;
    }
    const cmd = commandLine(pid);
    if (cmd === null) continue;
    if (cmd.includes('--type=renderer')) out.renderer += s.ms;
    else if (cmd.includes('--type=gpu-process')) out.gpu += s.ms;
    else out.other += s.ms;
  }
  return out;
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

/** CPU-seconds per wall second between two samples, by kind. */
export function cpuRate(a: ChromiumCpu, b: ChromiumCpu, wallMs: number): ChromiumCpu {
  const r = (k: keyof ChromiumCpu) => (wallMs > 0 ? (b[k] - a[k]) / wallMs : 0);
  return { browser: r('browser'), renderer: r('renderer'), gpu: r('gpu'), other: r('other') };
}

/**
 * The browser process Playwright started from this process: its direct child running Chromium
 * (Debian's /usr/bin/chromium is a script that execs /usr/lib/chromium/chromium), or null.
 */
export function launchedBrowserPid(): number | null {
  try {
    for (const e of readdirSync('/proc')) {
      if (!/^\d+$/.test(e)) continue;
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0')[0] ?? '')) return Number(e);
      } catch {
        // Gone between the listing and the read.
      }
    }
  } catch {
    // No /proc.
  }
  return null;
}
