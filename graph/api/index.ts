export * from './common.ts';
export * from './endpoints.ts';
