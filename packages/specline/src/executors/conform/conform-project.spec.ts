import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initSql } from '../../sql';
import { conformProject } from './conform-project';

const ROOT = path.resolve(__dirname, '../../../../..');
const FIXTURES = path.relative(ROOT, path.join(__dirname, '../../../test-support/fixtures/conform'));
const SPEC = 'specs/models/staging/stg_customers.yaml';

/** Runs conform on the fixture, optionally edited into a variant written to a scratch folder. */
async function conform(edit: (text: string) => string = (text) => text) {
  await initSql();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specline-conform-'));
  try {
    const text = readFileSync(path.join(ROOT, FIXTURES, 'stg_customers.sql'), 'utf8');
    const edited = edit(text);
    const sql = edited === text ? `${FIXTURES}/stg_customers.sql` : path.join(dir, 'variant.sql');
    writeFileSync(path.join(dir, 'variant.sql'), edited);
    return await conformProject(ROOT, { sql, specsDir: 'specs', outputDir: 'build/specline' }, 'stg_customers', SPEC);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('conform', () => {
  it('accepts a correct hand-written stg_customers', async () => {
    const result = await conform();
    expect(result.report).toContain('conforms to specs/models/staging/stg_customers.yaml');
    expect(result.report).toMatch(/0 failed, 0 error/);
    expect(result.success).toBe(true);
  });

  it('rejects one that drops the address filter, naming the filter invariant', async () => {
    const result = await conform((text) =>
      text.replace('SELECT * FROM raw.crm_addresses WHERE country IS NOT NULL', 'SELECT * FROM raw.crm_addresses'),
    );
    expect(result.success).toBe(false);
    expect(result.report).toContain('does NOT conform');
    expect(result.report).toMatch(/failed {2}property: source filters hold \(a: country IS NOT NULL\)/);
  });

  it('rejects a wrong value the structural checks miss, with the first differing row shrunk and its column named', async () => {
    const result = await conform((text) => text.replace("WHEN 'inactive' THEN 'churned'", "WHEN 'inactive' THEN 'inactive'"));
    expect(result.success).toBe(false);
    expect(result.report).toMatch(/failed {2}reference: same rows as the spec on the seed rows/);
    expect(result.report).toContain('lifecycle_stage: expected "churned", got "inactive"');
    // The generated case is shrunk to the one row that shows it.
    expect(result.report).toMatch(
      /same rows as the spec on 40 generated input\(s\)[\s\S]*shrunk \d+ time\(s\)[\s\S]*lifecycle_stage: expected "churned", got "inactive"/,
    );
  });

  it('rejects an output column of the wrong type, saying how to fix it', async () => {
    const result = await conform((text) => text.replace('  d.created_at\n', '  CAST(d.created_at AS DATE) AS created_at\n'));
    expect(result.success).toBe(false);
    expect(result.report).toContain('column created_at is DATE, the spec says TIMESTAMP; CAST it');
  });

  it('reports a missing file instead of crashing', async () => {
    const result = await conformProject(ROOT, { sql: 'missing.sql', specsDir: 'specs' }, 'stg_customers', SPEC);
    expect(result.success).toBe(false);
    expect(result.report).toContain('cannot read missing.sql');
  });
});
