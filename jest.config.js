// One jest run covers every package and tool; @swc/jest keeps transpilation fast on 2 cores.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/dist/'],
  // Builds packages/specline/dist once, before any worker: tests that run the real nx CLI load it.
  globalSetup: '<rootDir>/tools/build/jest-global-setup.js',
  testTimeout: 120000,
  maxWorkers: 2,
};
