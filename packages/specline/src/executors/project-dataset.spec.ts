import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { datasetOfProject } from './project-dataset';

const WORKSPACE = path.resolve(__dirname, '../../../..');

describe('datasetOfProject', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-project-dataset-'));
    cpSync(path.join(WORKSPACE, 'specs'), path.join(root, 'specs'), { recursive: true });
    // Break stg_orders: every model upstream-free of it must still be usable.
    const file = path.join(root, 'specs/models/staging/stg_orders.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('transform: DATE({from})', "transform: 'DATE({from}); DROP TABLE x'"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a project whose own spec has errors, naming file, line and column', async () => {
    const result = await datasetOfProject(root, 'specs', 'stg_orders', 'specs/models/staging/stg_orders.yaml', 'not exported');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report).toMatch(/^specs\/models\/staging\/stg_orders\.yaml:\d+:\d+: error SQL002/m);
  });

  it('refuses a project downstream of a broken spec', async () => {
    const result = await datasetOfProject(
      root,
      'specs',
      'int_customer_orders',
      'specs/models/intermediate/int_customer_orders.yaml',
      'not exported',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report).toMatch(/stg_orders\.yaml.*SQL002[\s\S]*int_customer_orders: not exported/);
  });

  it('serves a project that does not depend on the broken spec', async () => {
    const result = await datasetOfProject(root, 'specs', 'dim_customer', 'specs/models/marts/dim_customer.yaml', 'not exported');
    expect(result.ok && result.dataset.name).toBe('dim_customer');
  });
});
