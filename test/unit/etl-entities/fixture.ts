import type { ParsedDocument, TaskSpan } from '../../../graph/etl/types.ts';

// Small hand-made documents for cases the seeds do not contain (pitfalls, edge cases).

export function span(taskId: string, title: string, titleLine: number, lines: number[], parentId: string | null = null, kind: TaskSpan['kind'] = 'section'): TaskSpan {
  return { taskId, kind, title, titleLine, lines, parentId };
}

export function syntheticDoc(file: string, lines: string[], tasks: TaskSpan[]): ParsedDocument {
  return { source: { file, lines, header: {} }, documentId: `document:${file}`, tasks };
}

/** One section task per line: task:<file>#<line>, titled by the line itself. */
export function oneTaskPerLine(file: string, lines: string[]): ParsedDocument {
  return syntheticDoc(file, lines, lines.map((text, i) => span(`task:${file}#${i + 1}`, text, i + 1, [i + 1])));
}
