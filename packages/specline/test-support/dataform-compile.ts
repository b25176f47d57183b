import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GeneratedFile } from '../src/emitters/emitter';
import { WORKSPACE_ROOT } from './example-catalog';

type Action = { target: { name: string } };

/** What `dataform compile --json` reports. */
export interface DataformCompilation {
  readonly tables: Action[];
  readonly operations: Action[];
  readonly declarations: Action[];
  readonly assertions: Action[];
  readonly graphErrors: { compilationErrors?: unknown[] };
}

/** Writes the files `keep` maps to a path (undefined: left out) below `root`. */
export function writeTree(root: string, files: readonly GeneratedFile[], keep: (file: GeneratedFile) => string | undefined): void {
  for (const file of files) {
    const target = keep(file);
    if (target === undefined) continue;
    mkdirSync(path.dirname(path.join(root, target)), { recursive: true });
    writeFileSync(path.join(root, target), file.content);
  }
}

/**
 * Runs the real CLI on a Dataform repository folder exactly as codegen left it: nothing is
 * added. Its workflow_settings.yaml names dataformCoreVersion, so the CLI installs that
 * @dataform/core itself (npm, in a temporary copy), as Dataform in Google Cloud does.
 */
export function dataformCompileFolder(dir: string): DataformCompilation {
  const output = execFileSync(path.join(WORKSPACE_ROOT, 'node_modules/.bin/dataform'), ['compile', dir, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The package is in npm's cache after the first install: no need to ask the registry again.
    env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  return JSON.parse(output) as DataformCompilation;
}

/** The dataform/ tree of generated files (paths as in the output folder), compiled by the real CLI. */
export function dataformCompile(files: readonly GeneratedFile[]): DataformCompilation {
  const dir = mkdtempSync(path.join(tmpdir(), 'specline-dataform-'));
  try {
    writeTree(dir, files, (file) => (file.path.startsWith('dataform/') ? file.path.slice('dataform/'.length) : undefined));
    return dataformCompileFolder(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
