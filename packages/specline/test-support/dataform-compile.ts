import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * Assembles every project's dataform/ folder (paths `<project>/dataform/...`, as generateAll
 * lays them out) into one Dataform project and runs the real CLI on it.
 */
export function dataformCompile(files: readonly GeneratedFile[]): DataformCompilation {
  const dir = mkdtempSync(path.join(tmpdir(), 'specline-dataform-'));
  try {
    writeTree(dir, files, (file) => (/^[^/]+\/dataform\//.test(file.path) ? file.path.replace(/^[^/]+\/dataform\//, '') : undefined));
    // The CLI loads @dataform/core from the project's node_modules inside its sandbox, which
    // does not follow a symlink out of the project: copy the installed version instead.
    cpSync(path.join(WORKSPACE_ROOT, 'node_modules/@dataform/core'), path.join(dir, 'node_modules/@dataform/core'), { recursive: true });
    const output = execFileSync(path.join(WORKSPACE_ROOT, 'node_modules/.bin/dataform'), ['compile', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(output) as DataformCompilation;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
