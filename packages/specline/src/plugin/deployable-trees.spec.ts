import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { listFiles } from '../output/folder-walk';
import { dataformCompileFolder } from '../../test-support/dataform-compile';
import { dbtSchemaProblems, unresolvedDbtReferences } from '../../test-support/dbt-project-check';
import { exampleCatalog } from '../../test-support/example-catalog';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../test-support/scratch-nx-workspace';

/**
 * The real `nx` CLI on a scratch copy of the example workspace (specs, nx.json and its
 * committed generated/ folder): the trees `nx run-many -t codegen` leaves are deployable as
 * they are, a deleted spec leaves none of its files behind (with the cache answering or not),
 * and `nx sync:check` guards the committed copy. Slow (each nx call computes the graph), so
 * the scenarios share one workspace and run in order.
 */
describe('the generated trees, with the real nx CLI', () => {
  let workspace: ScratchNxWorkspace;
  const OUTPUT = 'build/specline';
  const runCodegen = () =>
    // --skip-sync: a run in a terminal-less shell outside CI stops when the committed copy is
    // stale (Nx's sync check), and the steps below delete specs without running nx sync.
    workspace.nx(['run-many', '-t', 'codegen', '--skip-sync', '--outputStyle=static']);
  const filesOf = (name: string) => listFiles(path.join(workspace.root, OUTPUT)).filter((file) => file.includes(name));
  const nxFails = (args: string[]): string => {
    try {
      workspace.nx(args);
    } catch (error) {
      const failure = error as { status: number; stdout: string; stderr: string };
      expect(failure.status).not.toBe(0);
      return `${failure.stdout}${failure.stderr}`;
    }
    throw new Error(`nx ${args.join(' ')} succeeded`);
  };

  beforeAll(() => (workspace = scratchNxWorkspace({ cache: true })));
  afterAll(() => workspace?.cleanup());

  it('nx sync:check passes on a clean copy, and fails after a transform edit, listing the stale files', () => {
    expect(workspace.nx(['sync:check'])).toContain('All files are up to date');
    const spec = path.join(workspace.root, 'specs/models/staging/stg_orders.yaml');
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace('transform: UPPER(TRIM({from}))', 'transform: LOWER(TRIM({from}))'));
    try {
      const output = nxFails(['sync:check']);
      expect(output).toContain('changed: generated/dbt/models/staging/stg_orders.sql');
      expect(output).toContain('changed: generated/dataform/definitions/staging/stg_orders.sqlx');
      expect(output).toContain('Run `nx sync`');
    } finally {
      writeFileSync(spec, original);
    }
  });

  it('leaves, after codegen alone, a Dataform repository dataform compile accepts and a dbt project whose references resolve', async () => {
    runCodegen();
    const catalog = await exampleCatalog(workspace.root);
    const compiled = dataformCompileFolder(path.join(workspace.root, OUTPUT, 'dataform'));
    expect(compiled.graphErrors.compilationErrors ?? []).toEqual([]);
    expect(compiled.tables.length + compiled.operations.length).toBe(catalog.models.filter((m) => m.targets.includes('dataform')).length);
    const dbt = listFiles(path.join(workspace.root, OUTPUT, 'dbt')).map((file) => ({
      path: `dbt/${file}`,
      content: readFileSync(path.join(workspace.root, OUTPUT, 'dbt', file), 'utf8'),
    }));
    expect(dbtSchemaProblems(dbt)).toEqual([]);
    expect(unresolvedDbtReferences(dbt).unresolved).toEqual([]);
    // The committed copy is what codegen wrote.
    for (const file of dbt) expect(readFileSync(path.join(workspace.root, 'generated', file.path), 'utf8')).toBe(file.content);
  });

  it('removes every file of a deleted model spec on the next codegen, also when every task comes from the cache', () => {
    const spec = path.join(workspace.root, 'specs/models/marts/fact_customer_360.yaml');
    const aside = path.join(workspace.root, 'fact_customer_360.yaml.aside');
    expect(filesOf('fact_customer_360').length).toBeGreaterThan(5);
    renameSync(spec, aside);
    runCodegen();
    expect(filesOf('fact_customer_360')).toEqual([]);
    // Back, then deleted again: this time the catalog's codegen and every other task are cache hits.
    renameSync(aside, spec);
    runCodegen();
    expect(filesOf('fact_customer_360').length).toBeGreaterThan(5);
    renameSync(spec, aside);
    expect(runCodegen()).toMatch(/catalog:codegen.*\[existing outputs match the cache, left as is\]|\[local cache\]/);
    expect(filesOf('fact_customer_360')).toEqual([]);
    expect(existsSync(path.join(workspace.root, OUTPUT, 'fact_customer_360'))).toBe(false);
  });
});
