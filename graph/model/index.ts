export * from './ids.ts';
export * from './evidence.ts';
export * from './props.ts';
export * from './node.ts';
export * from './edge.ts';
export * from './graph-json.ts';
export * from './findings.ts';
export * from './reading-report.ts';
