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
import { dataformCompileFolder, writeTree } from '../../test-support/dataform-compile';
import { dbtSchemaProblems, unresolvedDbtReferences } from '../../test-support/dbt-project-check';
import { parse as parseYaml } from 'yaml';
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
])('the output folder codegen leaves for %s', (_name, root) => {
  let catalog: Catalog;
  let files: GeneratedFile[];
  let output: string;
  beforeAll(async () => {
    catalog = await exampleCatalog(root);
    files = generateAll(catalog);
    output = mkdtempSync(path.join(tmpdir(), 'specline-output-'));
    writeTree(output, files, (file) => file.path);
  });
  afterAll(() => rmSync(output, { recursive: true, force: true }));

  it('holds a Dataform repository the real dataform compile accepts as it is, with every model', () => {
    const compiled = dataformCompileFolder(path.join(output, 'dataform'));
    expect(compiled.graphErrors.compilationErrors ?? []).toEqual([]);
    const dataform = catalog.models.filter((model) => model.targets.includes('dataform'));
    const names = (actions: { target: { name: string } }[]) => actions.map((action) => action.target.name).sort();
    expect(names(compiled.tables)).toEqual(
      dataform
        .filter((model) => model.load.strategy !== 'scd2')
        .map((model) => model.name)
        .sort(),
    );
    // Dataform has no snapshots: an scd2 model is an operations action with an output.
    expect(names(compiled.operations)).toEqual(
      dataform
        .filter((model) => model.load.strategy === 'scd2')
        .map((model) => model.name)
        .sort(),
    );
    expect(compiled.declarations).toHaveLength(catalog.sources.length);
  });

  it("holds a dbt project whose YAML passes dbt Labs' schemas and whose every ref() and source() resolves inside it", () => {
    expect(dbtSchemaProblems(files)).toEqual([]);
    // The check can fail: dbt 1.9's forms (test arguments beside the test, top-level freshness) are refused.
    const legacy = `version: 2\nsources:\n  - name: s\n    tables:\n      - name: t\n        loaded_at_field: at\n        columns:\n          - name: c\n            data_tests:\n              - accepted_values: { values: [a] }\n`;
    expect(dbtSchemaProblems([{ path: 'dbt/models/legacy.yml', content: legacy }])).toEqual(
      expect.arrayContaining([
        'dbt/models/legacy.yml: /sources/0/tables/0 must NOT have additional properties',
        'dbt/models/legacy.yml: /sources/0/tables/0/columns/0/data_tests/0/accepted_values must NOT have additional properties',
      ]),
    );
    const { references, unresolved } = unresolvedDbtReferences(files);
    expect(unresolved).toEqual([]);
    expect(references).toBeGreaterThan(catalog.models.length);
  });

  it('gives dbt every unit test of the specs (but for scd2 models, which dbt builds from a snapshot)', () => {
    const written = files
      .filter((file) => file.path.startsWith('dbt/models/') && file.path.endsWith('.yml'))
      .flatMap((file) => ((parseYaml(file.content) as { unit_tests?: { name: string }[] }).unit_tests ?? []).map((test) => test.name));
    const expected = catalog.models
      .filter((model) => model.targets.includes('dbt') && model.load.strategy !== 'scd2')
      .flatMap((model) => model.unitTests.map((test) => test.name));
    expect(written.sort()).toEqual(expected.sort());
  });

  it('holds Airflow DAGs and PySpark jobs that parse as Python, every .py file', () => {
    expect(pythonParses(files)).toBeGreaterThan(0);
  });
});

describe('the Airflow DAGs of the example catalog', () => {
  it('run dbt with its project and profiles, set no sla=, and wait for upstream models on another schedule', async () => {
    const catalog = await exampleCatalog(EXAMPLE);
    const dags = generateAll(catalog).filter((file) => file.path.startsWith('airflow/dags/'));
    expect(dags.length).toBeGreaterThan(1);
    const all = dags.map((file) => file.content).join('\n');
    expect(all).not.toMatch(/\bsla=/);
    expect(all).toContain('" --project-dir " + shlex.quote(DBT_DIR) + " --profiles-dir " + shlex.quote(DBT_DIR)');
    // stg_orders runs hourly, int_orders_usd (which reads it) daily.
    const daily = dags.find((file) => file.content.includes('tasks["int_orders_usd"] = BashOperator'))!;
    expect(daily.content).toContain('external_task_id="stg_orders"');
    expect(daily.content).toContain('tasks["wait_for__stg_orders"] >> tasks["int_orders_usd"]');
  });
});

describe('the generated DuckDB build.sql', () => {
  it('builds every example model from the seed CSVs', async () => {
    const catalog = await exampleCatalog(EXAMPLE);
    const build = generateAll(catalog).find((file) => file.path === 'sql/duckdb/build.sql')!;
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
