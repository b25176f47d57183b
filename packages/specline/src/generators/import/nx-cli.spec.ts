import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../../../test-support/example-catalog';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../../test-support/scratch-nx-workspace';

/**
 * `nx g spec:import` through the real Nx CLI: Nx runs what a generator returns as a task,
 * so a report object there once printed "task is not a function" and exited 1 after a
 * successful import. Success exits 0; a model that is not imported exits 1, after the
 * models that were imported are written.
 */
describe('nx g spec:import', () => {
  let workspace: ScratchNxWorkspace;
  beforeAll(() => {
    workspace = scratchNxWorkspace();
    rmSync(path.join(workspace.root, 'specs/models'), { recursive: true, force: true });
  }, 60_000);
  afterAll(() => workspace.cleanup());

  it('exits 0 when every model imports, and writes them', () => {
    writeFileSync(path.join(workspace.root, 'req.md'), readFileSync(path.join(WORKSPACE_ROOT, 'docs/requirements/customer_360.md')));
    const output = workspace.nx(['g', '@specline/nx-plugin:import', '--input=req.md', '--no-interactive']);
    expect(output).not.toContain('is not a function');
    expect(output).toContain('spec:import: 11 of 11 model(s) imported');
    expect(existsSync(path.join(workspace.root, 'specs/models/marts/fact_customer_360.yaml'))).toBe(true);
  }, 120_000);

  it('exits 1 when a model is not imported, naming it, with the others written', () => {
    writeFileSync(
      path.join(workspace.root, 'more.md'),
      [
        '## Model: stg_order_keys (schema: staging)',
        'Sources: raw.commerce_orders',
        'Description: Order keys.',
        'Owner: commerce-team',
        'Column mapping:',
        '| target_column | from_table | from_column | type |',
        '|---|---|---|---|',
        '| order_id | commerce_orders | order_id | INT64 |',
        '',
        '## Model: stg_order_totals (schema: staging)',
        'Sources: raw.commerce_orders',
        'Column mapping:',
        '| target_column | from_table | from_column | transform |',
        '|---|---|---|---|',
        '| total | commerce_orders | total_amount | ROUND(SUM(total_amount), 2) |',
      ].join('\n'),
    );
    let failure: { status?: number; stdout?: string; stderr?: string } = {};
    try {
      workspace.nx(['g', '@specline/nx-plugin:import', '--input=more.md', '--no-interactive']);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    const output = `${failure.stdout}${failure.stderr}`;
    expect(output).toContain('more.md:15: refused: SUM inside a larger expression');
    expect(output).toContain('1 model(s) not imported (stg_order_totals)');
    expect(existsSync(path.join(workspace.root, 'specs/models/staging/stg_order_keys.yaml'))).toBe(true);
    expect(existsSync(path.join(workspace.root, 'specs/models/staging/stg_order_totals.yaml'))).toBe(false);
  }, 120_000);
});
