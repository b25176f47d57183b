import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { codegenProject } from './codegen-project';

const GOLDEN_WORKSPACE = path.resolve(__dirname, '../../../test-support/golden/workspace');
const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };

describe('codegenProject', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-codegen-'));
    cpSync(GOLDEN_WORKSPACE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fails on a transform a target cannot express, naming file:line:col, and writes nothing for that target', async () => {
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
    const out = path.join(root, 'build/specline/stg_orders/codegen');
    expect(existsSync(path.join(out, 'sql'))).toBe(false);
    expect(existsSync(path.join(out, 'pyspark'))).toBe(false);
    expect(existsSync(path.join(out, 'dbt/models/staging/stg_orders.sql'))).toBe(true);
  });

  it('writes the catalog-wide files for the catalog scope', async () => {
    const result = await codegenProject(root, { ...OPTIONS, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml');
    expect(result).toMatchObject({ success: true });
    expect(existsSync(path.join(root, 'build/specline/catalog/codegen/dbt/dbt_project.yml'))).toBe(true);
  });
});
