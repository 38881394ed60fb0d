import { describe, expect, it } from 'vitest';
import { parseDocument, readStructure } from '../../../graph/etl/parse-document.ts';
import { PLAN, SCI, seed } from './seed-sources.ts';

describe('parseDocument', () => {
  const plan = parseDocument(seed(PLAN));
  const sci = parseDocument(seed(SCI));
  const task = (id: string) => plan.tasks.find((t) => t.taskId === id);

  it('ids the document by its 文号 and counts its tasks', () => {
    expect(plan.documentId).toBe('document:深府〔2009〕9号');
    expect(plan.tasks.filter((t) => t.kind === 'section')).toHaveLength(145);
    expect(plan.tasks.filter((t) => t.kind === 'tableRow')).toHaveLength(124);
    expect(sci.documentId).toBe('document:深府〔2011〕194号');
    expect(sci.tasks).toHaveLength(102);
  });

  it('gives a row every line it spans and the document as parent', () => {
    expect(task('task:组建深圳国家高技术产业创新中心')).toEqual({
      taskId: 'task:组建深圳国家高技术产业创新中心',
      kind: 'tableRow',
      title: '组建深圳国家高技术产业创新中心',
      titleLine: 284,
      lines: [284, 285, 286, 287],
      parentId: 'document:深府〔2009〕9号',
    });
  });

  it('gives a section its heading and body, under its parent', () => {
    expect(task('task:000_2ebb2acb91732bad#3.7')).toMatchObject({ title: '设立创业投资基金', titleLine: 42, lines: [42, 43, 44], parentId: 'task:000_2ebb2acb91732bad#3' });
    expect(task('task:000_2ebb2acb91732bad#1')?.parentId).toBe('document:深府〔2009〕9号');
  });

  it('places each of the 40 clauses in the section whose body holds it', () => {
    const { clauses } = readStructure(seed(PLAN));
    expect(clauses).toHaveLength(40);
    expect(clauses.every((c) => c.sectionId !== null)).toBe(true);
    expect(clauses.find((c) => c.clause.line === 86)?.sectionId).toBe('task:000_2ebb2acb91732bad#4.3');
    expect(clauses.find((c) => c.clause.line === 155)?.sectionId).toBe('task:000_2ebb2acb91732bad#4.8');
  });
});
