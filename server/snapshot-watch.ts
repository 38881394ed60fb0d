import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';

/**
 * Calls `onChange` (debounced) when `file` in `dir` is written. The CLI writes the embedded
 * store's snapshot by renaming a temp file over it, so the folder is watched, not the file
 * (a watch on the file would follow the old inode).
 */
export function watchSnapshot(dir: string, files: string | readonly string[], onChange: () => void, debounceMs = 300): FSWatcher {
  const names = new Set(typeof files === 'string' ? [files] : files);
  mkdirSync(dir, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, (_event, name) => {
    if (!name || !names.has(name)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref();
  });
  watcher.unref();
  return watcher;
}
