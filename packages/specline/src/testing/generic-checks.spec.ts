import type { Dataset } from '../catalog';
import { DuckSession } from '../duckdb';
import { exampleCatalog } from '../../test-support/example-catalog';
import { runGenericTests } from './run-generic';

/** Runs a dataset's generic tests against hand-made rows and returns name -> status. */
async function statuses(dataset: Dataset, setup: string[]): Promise<Record<string, string>> {
  const catalog = await exampleCatalog();
  const session = await DuckSession.open();
  try {
    await session.runAll(setup);
    const results = await runGenericTests(session, catalog, dataset, 't', (name) => (name === 'parent' ? 'parent' : name));
    return Object.fromEntries(results.map((result) => [result.name, result.status]));
  } finally {
    session.close();
  }
}

describe('generic data tests', () => {
  it('fail on duplicates, nulls, unaccepted values and broken references; NULL passes an expression', async () => {
    const catalog = await exampleCatalog();
    const base = catalog.models.find((model) => model.name === 'stg_customers')!;
    const at = { location: base.location, pointer: base.pointer };
    const dataset: Dataset = {
      ...base,
      primaryKey: ['id', 'part'],
      columns: [
        {
          ...base.columns[0],
          name: 'id',
          tests: [
            { kind: 'not_null', ...at },
            { kind: 'unique', ...at },
            { kind: 'relationships', to: 'parent', field: 'id', ...at },
          ],
        },
        { ...base.columns[0], name: 'part', tests: [] },
        {
          ...base.columns[3],
          name: 'stage',
          tests: [
            { kind: 'accepted_values', values: ['a', 'b'], ...at },
            { kind: 'expression', expression: { ...base.columns[0].expression, text: "stage <> 'b'" }, ...at },
          ],
        },
      ],
      tests: [{ kind: 'row_count', min: 1, max: 2, ...at }],
    };
    const result = await statuses(dataset, [
      'CREATE TABLE parent AS SELECT 1 AS id',
      "CREATE TABLE t AS SELECT * FROM (VALUES (1, 1, 'a'), (1, 1, NULL), (2, 1, 'c'), (NULL, 2, 'b')) AS v(id, part, stage)",
    ]);
    expect(result).toEqual({
      'not_null(id)': 'failed',
      'unique(id)': 'failed',
      'relationships(id -> parent.id)': 'failed',
      'accepted_values(stage)': 'failed',
      "expression(stage: stage <> 'b')": 'failed',
      'unique(id, part)': 'failed',
      'row_count(1..2)': 'failed',
    });
  });

  it('check the scd2 invariants: one current row per key, valid_from < valid_to, no overlaps', async () => {
    const catalog = await exampleCatalog();
    const dim = catalog.models.find((model) => model.name === 'dim_customer')!;
    const scd2 = (rows: string) =>
      statuses(dim, [
        `CREATE TABLE t AS SELECT * FROM (VALUES ${rows}) AS v(customer_id, lifecycle_stage, valid_from, valid_to, is_current)`,
      ]);
    const good = await scd2(
      "(1, 'active', TIMESTAMP '2024-01-01', TIMESTAMP '2024-02-01', FALSE), (1, 'churned', TIMESTAMP '2024-02-01', NULL, TRUE)",
    );
    expect(Object.entries(good).filter(([, status]) => status !== 'passed')).toEqual([]);
    const bad = await scd2(
      "(1, 'active', TIMESTAMP '2024-01-01', TIMESTAMP '2024-03-01', TRUE), (1, 'churned', TIMESTAMP '2024-02-01', NULL, TRUE), (2, 'active', TIMESTAMP '2024-05-01', TIMESTAMP '2024-04-01', FALSE)",
    );
    expect(bad).toMatchObject({
      'scd2: at most one current row per natural key, and it is the latest version': 'failed',
      'scd2: a current row is open, a closed row is not current': 'failed',
      'scd2: valid_from < valid_to': 'failed',
      'scd2: no overlapping validity intervals': 'failed',
    });
  });

  it('check exactly one current row per key without on_delete: close, and one version per key and valid_from', async () => {
    const catalog = await exampleCatalog();
    const dim = catalog.models.find((model) => model.name === 'dim_order')!;
    const scd2 = (rows: string) =>
      statuses(dim, [`CREATE TABLE t AS SELECT * FROM (VALUES ${rows}) AS v(order_id, status, valid_from, valid_to, is_current)`]);
    // Order 2 lost its current row: before, the check only counted keys that had one.
    const lost = await scd2(
      "(1, 'shipped', TIMESTAMP '2024-01-01', NULL, TRUE), (2, 'shipped', TIMESTAMP '2024-01-01', TIMESTAMP '2024-02-01', FALSE)",
    );
    expect(lost['scd2: exactly one current row per natural key']).toBe('failed');
    const twice = await scd2(
      "(1, 'shipped', TIMESTAMP '2024-01-01', TIMESTAMP '2024-02-01', FALSE), (1, 'placed', TIMESTAMP '2024-01-01', NULL, TRUE)",
    );
    expect(twice['scd2: one version per natural key and valid_from']).toBe('failed');
    expect(twice['scd2: exactly one current row per natural key']).toBe('passed');
  });

  it('with on_delete: close, a deleted key may have no current row, but a current row must be the latest version', async () => {
    const catalog = await exampleCatalog();
    const dim = catalog.models.find((model) => model.name === 'dim_customer')!;
    const scd2 = (rows: string) =>
      statuses(dim, [
        `CREATE TABLE t AS SELECT * FROM (VALUES ${rows}) AS v(customer_id, lifecycle_stage, valid_from, valid_to, is_current)`,
      ]);
    const name = 'scd2: at most one current row per natural key, and it is the latest version';
    expect((await scd2("(1, 'active', TIMESTAMP '2024-01-01', TIMESTAMP '2024-02-01', FALSE)"))[name]).toBe('passed');
    const stale = await scd2(
      "(1, 'active', TIMESTAMP '2024-01-01', NULL, TRUE), (1, 'churned', TIMESTAMP '2024-02-01', TIMESTAMP '2024-03-01', FALSE)",
    );
    expect(stale[name]).toBe('failed');
  });
});
