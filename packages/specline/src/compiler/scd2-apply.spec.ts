import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Model } from '../catalog';
import { loadSpecsFolder } from '../load';
import { initSql } from '../sql';
import { createTableIfMissing } from './compile-load';
import { compileModelSelect } from './compile-select';
import { compileScd2Apply } from './scd2-apply';

const ROOT = path.resolve(__dirname, '../../../..');

/** A model's scd2 table 'dim' on in-memory DuckDB, fed by a hand-made table 'src'; apply() loads one snapshot. */
async function scd2Fixture(modelName: string, sourceDdl: string, style: 'update' | 'merge') {
  await initSql();
  const { catalog } = await loadSpecsFolder(ROOT, 'specs');
  const model = catalog!.datasets.get(modelName) as Model;
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(sourceDdl);
  const select = compileModelSelect(catalog!, model, 'duckdb', () => 'src');
  if (!select.ok) throw new Error(JSON.stringify(select.diagnostics));
  await connection.run(createTableIfMissing(model, 'duckdb', 'dim'));
  const apply = async () => {
    await connection.run(`CREATE OR REPLACE TEMPORARY VIEW snap AS ${select.value}`);
    for (const statement of compileScd2Apply(model, 'duckdb', 'dim', 'snap', style)) await connection.run(statement);
  };
  return { connection, apply };
}

/** dim_customer (scd2, on_delete: close) read from a hand-made stg_customers table. */
describe.each(['update', 'merge'] as const)('scd2 apply on DuckDB (%s style)', (style) => {
  it('closes a changed or deleted key, opens its new version, and leaves unchanged keys alone', async () => {
    const { connection, apply } = await scd2Fixture(
      'dim_customer',
      'CREATE TABLE src (customer_id BIGINT, email VARCHAR, lifecycle_stage VARCHAR, country VARCHAR, city VARCHAR, state VARCHAR, postal_code VARCHAR, created_at TIMESTAMP)',
      style,
    );
    await connection.run(
      `INSERT INTO src VALUES (1, 'a@x', 'trial', 'US', 'NYC', NULL, '1', '2024-01-01'), (2, 'b@x', 'active', 'DE', 'Berlin', NULL, '2', '2024-01-01'), (3, 'c@x', 'active', 'FR', 'Paris', NULL, '3', '2024-01-01')`,
    );
    await apply();
    await connection.run(`UPDATE src SET lifecycle_stage = 'active' WHERE customer_id = 1`);
    await connection.run(`DELETE FROM src WHERE customer_id = 3`);
    await apply();
    await apply();
    const rows = (
      await connection.runAndReadAll(
        'SELECT customer_id, lifecycle_stage, is_current, valid_to IS NULL AS open FROM dim ORDER BY customer_id, is_current',
      )
    ).getRowObjects();
    expect(rows.map((row) => [Number(row.customer_id), row.lifecycle_stage, row.is_current, row.open])).toEqual([
      [1, 'trial', false, false],
      [1, 'active', true, true],
      [2, 'active', true, true],
      [3, 'active', false, false],
    ]);
  });
});

/** dim_order (scd2 on updated_at) fed a late row: an older version must not close the newer one. */
describe.each(['update', 'merge'] as const)('scd2 apply with late data (%s style)', (style) => {
  it('ignores a snapshot row no newer than the current version', async () => {
    const { connection, apply } = await scd2Fixture(
      'dim_order',
      'CREATE TABLE src (order_id BIGINT, status VARCHAR, amount DECIMAL(18,2), updated_at TIMESTAMP)',
      style,
    );
    await connection.run(`INSERT INTO src VALUES (1, 'shipped', 10, '2024-02-01')`);
    await apply();
    await connection.run(`UPDATE src SET status = 'placed', updated_at = '2024-01-01'`); // a late, older version
    await apply();
    await connection.run(`UPDATE src SET status = 'delivered', updated_at = '2024-03-01'`);
    await apply();
    const rows = (
      await connection.runAndReadAll(
        `SELECT status, is_current, strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to FROM dim ORDER BY valid_from`,
      )
    ).getRowObjects();
    expect(rows).toEqual([
      { status: 'shipped', is_current: false, valid_from: '2024-02-01', valid_to: '2024-03-01' },
      { status: 'delivered', is_current: true, valid_from: '2024-03-01', valid_to: null },
    ]);
  });
});
