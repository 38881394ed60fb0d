import type { ParsedDocument, TaskSpan } from '../types.ts';

interface Candidate {
  task: TaskSpan;
  depth: number;
  /** Where the task's title starts on this line; -1 when its title is on another line. */
  anchor: number;
}

/** Finds, for a place in a line, the innermost task that owns it. */
export interface TaskIndex {
  taskAt(line: number, index: number): TaskSpan | null;
  tasksOn(line: number): readonly TaskSpan[];
}

// Three steps read the same document's tasks: index each document once.
const INDEXES = new WeakMap<ParsedDocument, TaskIndex>();

export function indexTasks(doc: ParsedDocument): TaskIndex {
  let index = INDEXES.get(doc);
  if (!index) {
    index = buildIndex(doc);
    INDEXES.set(doc, index);
  }
  return index;
}

function buildIndex(doc: ParsedDocument): TaskIndex {
  const byId = new Map(doc.tasks.map((t) => [t.taskId, t]));
  const depthOf = (t: TaskSpan): number => {
    let d = 0;
    for (let p = t.parentId; p && d < 50; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  // Indexed by line number: an array is cheaper than a map for dense small integers.
  const byLine: (Candidate[] | undefined)[] = [];
  for (const task of doc.tasks) {
    const depth = depthOf(task);
    for (const line of task.lines) {
      const text = doc.source.lines[line - 1] ?? '';
      const anchor = line === task.titleLine && task.title ? text.indexOf(task.title) : -1;
      const list = byLine[line];
      if (list) list.push({ task, depth, anchor });
      else byLine[line] = [{ task, depth, anchor }];
    }
  }
  return {
    // Several tasks share a line when (1)(2) work items sit inside a section's line:
    // the owner is the one whose title starts last before the place, else the deepest.
    taskAt(line, index) {
      let best: Candidate | null = null;
      for (const c of byLine[line] ?? []) {
        if (c.anchor > index) continue;
        if (!best || c.anchor > best.anchor || (c.anchor === best.anchor && c.depth > best.depth)) best = c;
      }
      return best?.task ?? null;
    },
    tasksOn(line) {
      return (byLine[line] ?? []).map((c) => c.task);
    },
  };
}

const RESPONSIBILITY = /^\s*责任单位[:：]/;

/** Lines naming who is responsible (责任单位：…, a table row's unit cells) are not prose. */
export function isResponsibilityLine(doc: ParsedDocument, task: TaskSpan | null, line: number): boolean {
  if (RESPONSIBILITY.test(doc.source.lines[line - 1] ?? '')) return true;
  return task !== null && task.kind === 'tableRow' && line !== task.titleLine;
}

const GROUP_HEADING = /^\s*（[一二三四五六七八九十]+）\S/;

/** The group heading above a table row, e.g. （十二）生物产业项目建设, with its line. */
export function groupHeadingOf(doc: ParsedDocument, row: TaskSpan): { line: number; text: string } | null {
  for (let line = row.titleLine - 1, seen = 0; line >= 1 && seen < 80; line--, seen++) {
    const text = doc.source.lines[line - 1] ?? '';
    if (GROUP_HEADING.test(text)) return { line, text };
    if (seen > 0 && /^\s*具体工作任务/.test(text)) break;
  }
  return null;
}
