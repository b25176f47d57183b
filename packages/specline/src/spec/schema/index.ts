export * from './compiled-schemas';
export * from './schemas';
export * from './validate-schema';
