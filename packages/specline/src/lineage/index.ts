export * from './column-sources';
