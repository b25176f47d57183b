import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportProject } from './export-project';

const WORKSPACE = path.resolve(__dirname, '../../../../..');
const OPTIONS = { specsDir: 'specs', outputDir: 'out' };

describe('exportProject on a workspace with one broken model', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-export-'));
    cpSync(path.join(WORKSPACE, 'specs'), path.join(root, 'specs'), { recursive: true });
    const file = path.join(root, 'specs/models/staging/stg_customers.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('transform: LOWER(TRIM({from}))', 'transform: LOWER(TRIM({from})); DROP TABLE x'),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses to document the broken spec, naming file:line:col', async () => {
    const result = await exportProject(root, OPTIONS, 'stg_customers', 'specs/models/staging/stg_customers.yaml');
    expect(result.success).toBe(false);
    expect(result.report).toMatch(/specs\/models\/staging\/stg_customers\.yaml:36:\d+: error SQL\d+/);
    expect(existsSync(path.join(root, 'out/stg_customers/export'))).toBe(false);
  });

  it('still documents a valid spec, and exports the catalog without the broken spec and its readers, naming them', async () => {
    expect(await exportProject(root, OPTIONS, 'crm_customers', 'specs/sources/crm/customers.yaml')).toMatchObject({ success: true });
    expect(readFileSync(path.join(root, 'out/crm_customers/export/source_crm_customers.csv'), 'utf8')).toMatch(/^column,type,nullable/);
    const catalog = await exportProject(root, { ...OPTIONS, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml');
    expect(catalog.success).toBe(true);
    expect(catalog.report).toMatch(/Left out, .*: (\w+, )*stg_customers(, \w+)*\.$/);
    expect(catalog.report).toContain('dim_customer');
    const transforms = readFileSync(path.join(root, 'out/catalog/export/02_all_transforms.csv'), 'utf8');
    expect(transforms).toContain('stg_orders');
    expect(transforms).not.toContain('stg_customers');
  });
});
