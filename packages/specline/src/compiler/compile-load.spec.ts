import { DuckDBInstance } from '@duckdb/node-api';
import { exampleCatalog } from '../../test-support/example-catalog';
import { compileLoadStatements } from './compile-load';
import { warehouseRelation } from './warehouse-relation';

/** stg_orders (incremental on updated_at, filter LOWER(status) <> 'test') loaded from a hand-filled raw.commerce_orders. */
async function incrementalFixture() {
  const catalog = await exampleCatalog();
  const model = catalog.models.find((candidate) => candidate.name === 'stg_orders')!;
  const relation = warehouseRelation(catalog, 'duckdb');
  const compiled = compileLoadStatements(catalog, model, 'duckdb', relation);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  // The engine directly: compiler/ ranks below duckdb/, whose session it may not import.
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const session = {
    run: async (sql: string) => void (await connection.run(sql)),
    runAll: async (statements: readonly string[]) => {
      for (const statement of statements) await connection.run(statement);
    },
    rows: async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
  await session.runAll([
    'CREATE SCHEMA raw',
    'CREATE SCHEMA staging',
    `CREATE TABLE raw.commerce_orders (order_id BIGINT, customer_id BIGINT, ordered_at TIMESTAMP, status VARCHAR, currency VARCHAR, total_amount DECIMAL(18,2), updated_at TIMESTAMP)`,
  ]);
  const order = (id: number, status: string, updatedAt: string) =>
    `(${id}, 7, TIMESTAMP '2024-01-01 10:00', '${status}', 'usd', 10, TIMESTAMP '${updatedAt}')`;
  return {
    session,
    insert: (...rows: string[]) => session.run(`INSERT INTO raw.commerce_orders VALUES ${rows.join(', ')}`),
    order,
    load: () => session.runAll(compiled.value),
    loaded: async () =>
      (await session.rows(`SELECT order_id, status FROM ${relation('stg_orders')} ORDER BY order_id`)).map(
        (row) => `${row.order_id}:${row.status}`,
      ),
  };
}

describe('incremental load on DuckDB', () => {
  it('loads a row stamped with the latest cursor value that arrived after the last load, and a re-run changes nothing', async () => {
    const { session, insert, order, load, loaded } = await incrementalFixture();
    try {
      await insert(order(1, 'completed', '2024-01-02 00:00'));
      await load();
      // Same updated_at as the row already loaded: before, cursor > MAX(cursor) never read it.
      await insert(order(2, 'completed', '2024-01-02 00:00'));
      await load();
      await load();
      expect(await loaded()).toEqual(['1:completed', '2:completed']);
    } finally {
      session.close();
    }
  });

  it('removes a row that the filter starts rejecting, as a full rebuild would', async () => {
    const { session, insert, order, load, loaded } = await incrementalFixture();
    try {
      await insert(order(1, 'completed', '2024-01-02 00:00'), order(2, 'completed', '2024-01-02 00:00'));
      await load();
      await session.run(`UPDATE raw.commerce_orders SET status = 'TEST', updated_at = TIMESTAMP '2024-01-03 00:00' WHERE order_id = 1`);
      await load();
      expect(await loaded()).toEqual(['2:completed']);
    } finally {
      session.close();
    }
  });
});
