import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { nxTaskHashes } from '../../test-support/nx-task-hashes';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../test-support/scratch-nx-workspace';

/**
 * The upstream fingerprints as Nx's own task hasher sees them (the built plugin, the real Nx
 * CLI's modules, on a scratch copy of the example catalog): the external nodes createNodes
 * returns reach exactly the tasks whose targets name them. upstream-fingerprints.spec.ts
 * checks, on the plugin's side, that what a key leaves out cannot change the task's output.
 */
const TARGETS = ['validate', 'codegen', 'export', 'test'];
const ORDERS_USD = 'specs/models/intermediate/int_orders_usd.yaml';

describe("Nx's task keys after an upstream edit", () => {
  let workspace: ScratchNxWorkspace;
  let original: Record<string, string>;

  beforeAll(() => {
    workspace = scratchNxWorkspace();
    original = nxTaskHashes(workspace.root, TARGETS);
  }, 120_000);
  afterAll(() => workspace?.cleanup());

  /** The tasks whose key differs after `edit` of `file` (undone afterwards). */
  function rekeyedBy(file: string, edit: (text: string) => string): string[] {
    const absolute = path.join(workspace.root, file);
    const before = readFileSync(absolute, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(absolute, after);
    try {
      const edited = nxTaskHashes(workspace.root, TARGETS);
      expect(Object.keys(edited).sort()).toEqual(Object.keys(original).sort());
      return Object.keys(original)
        .filter((task) => edited[task] !== original[task])
        .sort();
    } finally {
      writeFileSync(absolute, before);
    }
  }

  const own = (project: string) => TARGETS.map((target) => `${project}:${target}`);
  const catalogTasks = ['catalog:codegen', 'catalog:export'];

  it("re-keys a model's readers' tests, and not their validate, codegen or export, after a changed number in its transform", () => {
    expect(rekeyedBy(ORDERS_USD, (text) => text.replace('fx.rate_to_usd, 2)', 'fx.rate_to_usd, 4)'))).toEqual(
      [...own('int_orders_usd'), 'int_customer_orders:test', 'fact_customer_360:test', ...catalogTasks].sort(),
    );
  }, 120_000);

  it('re-keys every task of its readers after a retyped or renamed column', () => {
    const readers = [...own('int_customer_orders'), ...own('fact_customer_360')];
    expect(rekeyedBy(ORDERS_USD, (text) => text.replace(/(name: amount_usd\n\s+type: )NUMERIC\(18,2\)/, '$1FLOAT64'))).toEqual(
      [...own('int_orders_usd'), ...readers, ...catalogTasks].sort(),
    );
    expect(rekeyedBy(ORDERS_USD, (text) => text.replace('name: amount_usd', 'name: amount_in_usd'))).toEqual(
      [...own('int_orders_usd'), ...readers, ...catalogTasks].sort(),
    );
  }, 240_000);

  it('re-keys no other task after a description edit', () => {
    expect(rekeyedBy(ORDERS_USD, (text) => text.replace(/^description: .*$/m, 'description: Rewritten.'))).toEqual(
      ['int_orders_usd:codegen', 'int_orders_usd:export', 'int_orders_usd:validate', 'catalog:export'].sort(),
    );
  }, 120_000);

  it('re-keys every task after a lock file change, since no target hashes every npm package any more', () => {
    // npm-shrinkwrap.json, which Nx does not parse: an empty package-lock.json would be parsed.
    const lockFile = path.join(workspace.root, 'npm-shrinkwrap.json');
    writeFileSync(lockFile, '{"lockfileVersion": 3, "packages": {}}\n');
    try {
      const edited = nxTaskHashes(workspace.root, TARGETS);
      expect(Object.keys(original).filter((task) => edited[task] === original[task])).toEqual([]);
    } finally {
      rmSync(lockFile);
    }
  }, 120_000);
});
