import * as path from 'node:path';
import type { InputDefinition } from './targets';

/** The plugin package's own folder (packages/specline in this repository). */
export const PLUGIN_ROOT = path.resolve(__dirname, '../..');

/**
 * The lock files, which pin the versions of the plugin's own dependencies (the SQL parser,
 * DuckDB). A target with an `externalDependencies` input no longer hashes every npm package
 * (see upstream-fingerprints.ts), so they are hashed as files instead.
 */
export const LOCK_FILES = '{workspaceRoot}/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,bun.lock,bun.lockb}';

/**
 * Inputs that make every cached target depend on the plugin itself: its code, schemas and
 * templates when it lives in the workspace (so editing an emitter re-runs codegen), or its
 * installed version when it comes from npm, and the lock files either way.
 */
export function pluginInputs(workspaceRoot: string): (string | InputDefinition)[] {
  const relative = path.relative(workspaceRoot, PLUGIN_ROOT).split(path.sep).join('/');
  if (relative && !relative.startsWith('..') && !relative.includes('node_modules') && !path.isAbsolute(relative)) {
    // The sources, not dist/: dist is built from them and git ignores it, so Nx would not hash
    // it. Tests do not change what a target produces; their fixtures live in test-support/.
    return [
      `{workspaceRoot}/${relative}/src/**/*`,
      `!{workspaceRoot}/${relative}/src/**/*.spec.ts`,
      `!{workspaceRoot}/${relative}/src/**/__snapshots__/**`,
      `{workspaceRoot}/${relative}/schemas/*.json`,
      `{workspaceRoot}/${relative}/package.json`,
      LOCK_FILES,
    ];
  }
  return [{ runtime: `node -e "process.stdout.write(require('@specline/nx-plugin/package.json').version)"` }, LOCK_FILES];
}
