export * from './validate-catalog';
export type { Locator } from './rule-context';
