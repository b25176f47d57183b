export * from './build-catalog';
export { sqlDialectsOf } from './build-constitution';
export * from './data-type';
export * from './dataset-graph';
export * from './dataset-shapes';
export * from './nodes';
export * from './regex';
export * from './import-placeholder';
export * from './valid-part';
