// Lint: TypeScript's recommended rules over every .ts file (plugin, tests, tools), and Nx's own
// nx-plugin-checks over the plugin's executors.json, generators.json and package.json (it
// resolves every implementation and schema path, as Nx will at run time). Formatting is
// Prettier's job (`npm run format:check`), so eslint-config-prettier switches off style rules.
import nxPlugin from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'build/**',
      'generated/**',
      '.nx/**',
      'tmp/**',
      'packages/specline/test-support/golden/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Some tests load CommonJS builds by path (marked's UMD bundle) and the determinism test's child script, with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['packages/specline/package.json', 'packages/specline/executors.json', 'packages/specline/generators.json'],
    languageOptions: { parser: jsoncParser },
    plugins: { '@nx': nxPlugin },
    rules: { '@nx/nx-plugin-checks': 'error' },
  },
  prettier,
);
