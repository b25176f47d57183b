export * from './dataset-graph';
