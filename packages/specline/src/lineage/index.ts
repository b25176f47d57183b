export * from './column-sources';
export * from './column-graph';
