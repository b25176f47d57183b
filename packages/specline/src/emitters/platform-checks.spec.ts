import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Catalog } from '../catalog';
import { quoteIdentifier } from '../sql';
import type { GeneratedFile } from './emitter';
import { generateDatasetCode } from './generate-code';
import { exampleCatalog } from '../../test-support/example-catalog';
import { typedTables } from '../../test-support/example-catalog-tables';
import { dataformCompile, writeTree } from '../../test-support/dataform-compile';
import { generateAll, GOLDEN_WORKSPACE } from '../../test-support/golden-workspace';

const REPO = path.resolve(__dirname, '../../../..');
const EXAMPLE = REPO;

/** Runs Python's own parser on every .py file; throws (failing the test) on the first that does not parse. Returns how many were checked. */
function pythonParses(files: readonly GeneratedFile[]): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'specline-python-'));
  try {
    const python = files.filter((file) => file.path.endsWith('.py'));
    writeTree(dir, python, (file) => file.path);
    const script = 'import ast,sys\nfor name in sys.argv[1:]:\n    ast.parse(open(name).read(), name)';
    execFileSync('python3', ['-c', script, ...python.map((file) => path.join(dir, file.path))], { encoding: 'utf8' });
    return python.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['the fixture catalog', GOLDEN_WORKSPACE],
  ['the example catalog', EXAMPLE],
])('code generated for %s', (_name, root) => {
  let catalog: Catalog;
  let files: GeneratedFile[];
  beforeAll(async () => {
    catalog = await exampleCatalog(root);
    files = generateAll(catalog);
  });

  it('passes the real dataform compile', () => {
    const compiled = dataformCompile(files);
    expect(compiled.graphErrors.compilationErrors ?? []).toEqual([]);
    const expected = catalog.models
      .filter((model) => model.targets.includes('dataform') && model.load.strategy !== 'scd2')
      .map((model) => model.name)
      .sort();
    expect(compiled.tables.map((table) => table.target.name).sort()).toEqual(expected);
    expect(compiled.declarations).toHaveLength(catalog.sources.length);
  });

  it('parses as Python, every .py file', () => {
    expect(pythonParses(files)).toBeGreaterThan(0);
  });
});

describe('the generated DuckDB build.sql', () => {
  it('builds every example model from the seed CSVs', async () => {
    const catalog = await exampleCatalog(EXAMPLE);
    const build = generateAll(catalog).find((file) => file.path === '_catalog/sql/duckdb/build.sql')!;
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    for (const statement of typedTables(catalog, 'duckdb', false)) await connection.run(statement);
    await connection.run(build.content);
    for (const model of catalog.models.filter((candidate) => candidate.targets.includes('sql'))) {
      const rows = await connection.runAndReadAll(
        `SELECT COUNT(*) AS n FROM ${quoteIdentifier(model.schema, 'duckdb')}.${quoteIdentifier(model.name, 'duckdb')}`,
      );
      expect([model.name, Number(rows.getRowObjects()[0].n) > 0]).toEqual([model.name, true]);
    }
  });
});

describe('a transform the target cannot express', () => {
  it('fails that target with a located SQL005 and generates no file for it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'specline-unexpressible-'));
    try {
      cpSync(GOLDEN_WORKSPACE, root, { recursive: true });
      const spec = readFileSync(path.join(root, 'specs/models/stg_orders.yaml'), 'utf8').replace(
        'transform: "LOWER({from})"',
        'transform: "LOWER({from})" }\n  - { name: order_week, type: DATE, from: o.ordered_at, transform: "DATE_TRUNC({from}, WEEK)"',
      );
      writeFileSync(path.join(root, 'specs/models/stg_orders.yaml'), spec);
      const catalog = await exampleCatalog(root);
      const code = generateDatasetCode(catalog, catalog.datasets.get('stg_orders')!);
      // DuckDB (sql) and Spark (pyspark) truncate weeks to Monday, BigQuery's WEEK to Sunday.
      expect(code.failedTargets).toEqual(['pyspark', 'sql']);
      expect(code.diagnostics[0]).toMatchObject({
        code: 'SQL005',
        location: { file: 'specs/models/stg_orders.yaml', line: expect.any(Number) },
      });
      expect(code.files.some((file) => file.path.startsWith('sql/') || file.path.startsWith('pyspark/'))).toBe(false);
      expect(code.files.some((file) => file.path.startsWith('dbt/'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
