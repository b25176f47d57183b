export * from './build-catalog';
export * from './data-type';
export * from './dataset-shapes';
export * from './load-catalog';
export * from './loaded-spec';
export * from './nodes';
export { sourceDatasetName } from '../spec/dataset-name';
export * from './regex';
