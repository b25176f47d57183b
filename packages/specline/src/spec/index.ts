export * from './find-spec-files';
export * from './spec-source';
export * from './load-specs';
export * from './read';
export * from './schema';
export * from './types';
export * from './dataset-name';
export * from './git-source';
