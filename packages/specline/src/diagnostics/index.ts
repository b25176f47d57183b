export * from './codes';
export * from './diagnostic';
export * from './format';
export * from './did-you-mean';
