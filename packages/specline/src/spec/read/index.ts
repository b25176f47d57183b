export * from './limits';
export * from './parse-spec-text';
export * from './positions';
export * from './read-spec-file';
export * from './spec-document';
export * from './symlink-escape';
export * from './utf8';
export * from './nesting-depth';
