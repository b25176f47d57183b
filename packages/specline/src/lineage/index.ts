export * from './dataset-graph';
export * from './column-sources';
