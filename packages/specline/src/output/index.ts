export * from './output-file';
export * from './sync-folder';
export * from './write-file-if-changed';
export * from './owned-files';
