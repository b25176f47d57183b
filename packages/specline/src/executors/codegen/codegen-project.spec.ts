import type { ProjectGraph } from '@nx/devkit';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pruneGenerated } from '../prune/prune-generated';
import { codegenProject } from './codegen-project';

const GOLDEN_WORKSPACE = path.resolve(__dirname, '../../../test-support/golden/workspace');
const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };

describe('codegenProject', () => {
  let root: string;
  const out = (file: string) => path.join(root, 'build/specline', file);
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-codegen-'));
    cpSync(GOLDEN_WORKSPACE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fails on a transform a target cannot express, naming file:line:col, and keeps that target’s last good files', async () => {
    // One process loads a workspace's catalog once, so the last good run is set down by hand.
    const lastGood = '-- last good';
    mkdirSync(out('sql/duckdb/staging'), { recursive: true });
    writeFileSync(out('sql/duckdb/staging/stg_orders.sql'), lastGood);
    const spec = path.join(root, 'specs/models/stg_orders.yaml');
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        'transform: "LOWER({from})"',
        'transform: "LOWER({from})" }\n  - { name: order_week, type: DATE, from: o.ordered_at, transform: "DATE_TRUNC({from}, WEEK)"',
      ),
    );
    const result = await codegenProject(root, OPTIONS, 'stg_orders', 'specs/models/stg_orders.yaml');
    expect(result.success).toBe(false);
    expect(result.report).toMatch(/^specs\/models\/stg_orders\.yaml:\d+:\d+: error SQL005/m);
    expect(readFileSync(out('sql/duckdb/staging/stg_orders.sql'), 'utf8')).toBe(lastGood);
    expect(readFileSync(out('dbt/models/staging/stg_orders.yml'), 'utf8')).toContain('order_week');
    expect(existsSync(out('stg_orders/codegen/contract.json'))).toBe(true);
  });

  it('writes only its own files into the shared trees, and removes those it no longer generates', async () => {
    mkdirSync(out('dbt/models/staging'), { recursive: true });
    writeFileSync(out('dbt/models/staging/someone_else.sql'), 'select 1');
    mkdirSync(out('dbt/tests/int_customer_totals'), { recursive: true });
    writeFileSync(out('dbt/tests/int_customer_totals/row_count_9.sql'), 'stale');
    const result = await codegenProject(root, OPTIONS, 'int_customer_totals', 'specs/models/int_customer_totals.yaml');
    expect(result).toMatchObject({ success: true });
    expect(result.report).toContain('1 stale removed');
    expect(existsSync(out('dbt/tests/int_customer_totals/row_count_9.sql'))).toBe(false);
    expect(existsSync(out('dbt/tests/int_customer_totals/row_count_1.sql'))).toBe(true);
    expect(existsSync(out('dbt/models/intermediate/int_customer_totals.sql'))).toBe(true);
    expect(existsSync(out('dbt/models/staging/someone_else.sql'))).toBe(true);
  });

  it('writes the catalog-wide files for the valid part of the catalog when one model has an error, and names what it left out', async () => {
    const spec = path.join(root, 'specs/models/int_customer_totals.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('from: o.status,', 'from: o.no_such_column,'));
    const result = await codegenProject(root, { ...OPTIONS, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml');
    expect(result).toMatchObject({ success: true });
    expect(result.report).toMatch(/Left out, because their specs or their inputs' have errors .*: int_customer_totals\.$/);
    for (const file of ['dbt/dbt_project.yml', 'dbt/profiles.yml', 'dataform/workflow_settings.yaml'])
      expect([file, existsSync(out(file))]).toEqual([file, true]);
    const build = readFileSync(out('sql/duckdb/build.sql'), 'utf8');
    expect(build).toContain('stg_orders');
    expect(build).not.toContain('int_customer_totals');
  });

  it('refuses the catalog-wide files when the constitution itself has an error', async () => {
    const constitution = path.join(root, 'specs/constitution.yaml');
    writeFileSync(constitution, readFileSync(constitution, 'utf8').replace(/^dialect: .*$/m, 'dialect: no_such_dialect'));
    const result = await codegenProject(root, { ...OPTIONS, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml');
    expect(result.success).toBe(false);
    expect(result.report).toMatch(/^specs\/constitution\.yaml:\d+:\d+: error /m);
    expect(existsSync(out('dbt/dbt_project.yml'))).toBe(false);
  });

  it('writes the catalog-wide files for the catalog scope', async () => {
    const result = await codegenProject(root, { ...OPTIONS, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml');
    expect(result).toMatchObject({ success: true });
    for (const file of ['dbt/dbt_project.yml', 'dbt/profiles.yml', 'dataform/workflow_settings.yaml', 'sql/duckdb/build.sql'])
      expect([file, existsSync(out(file))]).toEqual([file, true]);
  });
});

describe('pruneGenerated', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'specline-prune-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('removes what no codegen target of the graph declares, a gone project’s own folder included, and nothing else', () => {
    const files = [
      'dbt/models/staging/stg_a.sql',
      'dbt/models/staging/stg_gone.sql',
      'dbt/tests/stg_a/row_count_1.sql',
      'dbt/tests/stg_gone/row_count_1.sql',
      'sql/duckdb/build.sql',
      'stg_a/codegen/contract.json',
      'stg_gone/codegen/contract.json',
      'stg_a/export/stg_a.csv',
      'stg_gone/export/stg_gone.csv',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, 'out', file)), { recursive: true });
      writeFileSync(path.join(root, 'out', file), 'x');
    }
    const codegen = (outputs: string[]) => ({ codegen: { executor: '@specline/nx-plugin:codegen', outputs } });
    const graph = {
      nodes: {
        stg_a: {
          name: 'stg_a',
          type: 'lib',
          data: {
            root: 'specs/stg_a.yaml',
            targets: codegen([
              '{workspaceRoot}/out/stg_a/codegen',
              '{workspaceRoot}/out/dbt/models/staging/stg_a.sql',
              '{workspaceRoot}/out/dbt/tests/stg_a',
            ]),
          },
        },
        catalog: { name: 'catalog', type: 'lib', data: { root: 'specs', targets: codegen(['{workspaceRoot}/out/sql/duckdb/build.sql']) } },
      },
      dependencies: {},
    } as unknown as ProjectGraph;
    expect(pruneGenerated(root, 'out', graph)).toEqual([
      'dbt/models/staging/stg_gone.sql',
      'dbt/tests/stg_gone/row_count_1.sql',
      'stg_gone/codegen/contract.json',
    ]);
    expect(existsSync(path.join(root, 'out/dbt/tests/stg_gone'))).toBe(false);
    expect(existsSync(path.join(root, 'out/stg_gone/export/stg_gone.csv'))).toBe(true);
    expect(existsSync(path.join(root, 'out/dbt/tests/stg_a/row_count_1.sql'))).toBe(true);
  });
});
