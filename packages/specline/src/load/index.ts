export * from './load-catalog';
