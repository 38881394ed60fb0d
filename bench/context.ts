/** Peak RSS of one measured process, collected by the sections that spawn children. */
export interface RssRecord {
  label: string;
  maxRssMb: number;
  /** 'current' when only the RSS at the end could be read (a server process), not its peak. */
  kind?: 'peak' | 'current';
}

/** What every bench section is given. */
export interface BenchContext {
  quick: boolean;
  /** Wall-clock ms since the bench started, so sections can shed work near the time budget. */
  elapsedMs(): number;
  rss: RssRecord[];
}
