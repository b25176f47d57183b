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
async function scd2Fixture(modelName: string, sourceDdl: string, style: 'update' | 'merge', edit: (model: Model) => Model = (m) => m) {
  await initSql();
  const { catalog } = await loadSpecsFolder(ROOT, 'specs');
  const model = edit(catalog!.datasets.get(modelName) as Model);
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

/** Rows of the fixture's scd2 table, dates as text. */
async function history(connection: Awaited<ReturnType<typeof scd2Fixture>>['connection'], columns: string) {
  const reader = await connection.runAndReadAll(
    `SELECT ${columns}, strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to, is_current FROM dim ORDER BY ALL`,
  );
  return reader.getRowObjectsJson();
}

const ORDER_SOURCE = 'CREATE TABLE src (order_id BIGINT, status VARCHAR, amount DECIMAL(18,2), updated_at TIMESTAMP)';

describe.each(['update', 'merge'] as const)('scd2 apply keeps one clock and the values of the source (%s style)', (style) => {
  it('closes a deleted key at data time, and a key that re-appears opens when it closed: no two versions overlap', async () => {
    // dim_order with on_delete: close; before, the deletion was stamped with the wall clock
    // and the re-appearing key opened at its (older) data time, overlapping the closed version.
    const { connection, apply } = await scd2Fixture('dim_order', ORDER_SOURCE, style, (model) =>
      model.load.strategy === 'scd2' ? { ...model, load: { ...model.load, onDelete: 'close' } } : model,
    );
    await connection.run(`INSERT INTO src VALUES (1, 'shipped', 10, '2024-01-01'), (2, 'shipped', 20, '2024-01-01')`);
    await apply();
    await connection.run(`DELETE FROM src WHERE order_id = 1`);
    await connection.run(`UPDATE src SET updated_at = '2024-02-01' WHERE order_id = 2`);
    await apply();
    await connection.run(`INSERT INTO src VALUES (1, 'shipped', 10, '2024-01-01')`);
    await apply();
    expect(await history(connection, 'order_id, status')).toEqual([
      { order_id: '1', status: 'shipped', valid_from: '2024-01-01', valid_to: '2024-02-01', is_current: false },
      { order_id: '1', status: 'shipped', valid_from: '2024-02-01', valid_to: null, is_current: true },
      { order_id: '2', status: 'shipped', valid_from: '2024-01-01', valid_to: null, is_current: true },
    ]);
  });

  it('a change stamped with the updated_at of the current version corrects that version instead of being dropped', async () => {
    const { connection, apply } = await scd2Fixture('dim_order', ORDER_SOURCE, style);
    await connection.run(`INSERT INTO src VALUES (1, 'shipped', 10, '2024-01-01')`);
    await apply();
    await connection.run(`UPDATE src SET status = 'delivered'`);
    await apply();
    expect(await history(connection, 'order_id, status')).toEqual([
      { order_id: '1', status: 'delivered', valid_from: '2024-01-01', valid_to: null, is_current: true },
    ]);
  });

  it('refreshes untracked columns on the current version without opening a new one', async () => {
    const { connection, apply } = await scd2Fixture('dim_order', ORDER_SOURCE, style);
    await connection.run(`INSERT INTO src VALUES (1, 'shipped', 10, '2024-01-01')`);
    await apply();
    await connection.run(`UPDATE src SET updated_at = '2024-01-05'`);
    await apply();
    const rows = await history(connection, "order_id, status, strftime(updated_at, '%Y-%m-%d') AS updated_at");
    expect(rows).toEqual([
      { order_id: '1', status: 'shipped', updated_at: '2024-01-05', valid_from: '2024-01-01', valid_to: null, is_current: true },
    ]);
  });
});
