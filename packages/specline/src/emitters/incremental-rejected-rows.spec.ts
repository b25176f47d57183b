import { DuckDBInstance } from '@duckdb/node-api';
import { Dialect } from '@polyglot-sql/sdk';
import type { Catalog, Model } from '../catalog';
import { compileRejectedRowsDelete } from '../compiler';
import { polyglotApi } from '../sql/polyglot-runtime';
import { dataformEmitter } from './dataform';
import { dbtEmitter } from './dbt';
import { exampleCatalog } from '../../test-support/example-catalog';
import { scratchSpecs } from '../../test-support/scratch-workspace';
import { renderDbtModel, type DbtRunContext, type RenderedDbtModel } from '../../test-support/dbt-jinja';
import { dataformCompile } from '../../test-support/dataform-compile';

/**
 * stg_orders loads incrementally on updated_at and its first input keeps `LOWER(status) <> 'test'`.
 * Each delivery changes raw.commerce_orders before a load; after every load the table must equal a
 * full rebuild. The second turns order 1 into a test order: only a DELETE before the merge drops it.
 */
const DELIVERIES: readonly (readonly string[])[] = [
  [`INSERT INTO raw.commerce_orders VALUES ${order(1, 'completed', '2024-01-02')}, ${order(2, 'completed', '2024-01-02')}`],
  [
    `UPDATE raw.commerce_orders SET status = 'TEST', updated_at = TIMESTAMP '2024-01-03' WHERE order_id = 1`,
    // Stamped with the latest value already loaded, delivered after that load.
    `INSERT INTO raw.commerce_orders VALUES ${order(3, 'completed', '2024-01-02')}`,
  ],
  // A load with nothing new.
  [],
  [
    `UPDATE raw.commerce_orders SET status = 'Test', updated_at = TIMESTAMP '2024-01-04' WHERE order_id = 2`,
    // Order 1 is real again.
    `UPDATE raw.commerce_orders SET status = 'Completed', updated_at = TIMESTAMP '2024-01-05' WHERE order_id = 1`,
  ],
  [`UPDATE raw.commerce_orders SET status = 'refunded', updated_at = TIMESTAMP '2024-01-05' WHERE order_id = 3`],
];
const ORDER_IDS_AFTER_EACH_LOAD = [
  [1, 2],
  [2, 3],
  [2, 3],
  [1, 3],
  [1, 3],
];

function order(id: number, status: string, updatedAt: string): string {
  return `(${id}, 7, TIMESTAMP '2024-01-01 10:00', '${status}', 'usd', 10, TIMESTAMP '${updatedAt}')`;
}

/** An in-memory DuckDB holding raw.commerce_orders and the staging schema. */
async function warehouse() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const run = async (sql: string) => void (await connection.run(sql));
  await run('CREATE SCHEMA raw');
  await run('CREATE SCHEMA staging');
  await run(
    'CREATE TABLE raw.commerce_orders (order_id BIGINT, customer_id BIGINT, ordered_at TIMESTAMP, status VARCHAR, currency VARCHAR, total_amount DECIMAL(18,2), updated_at TIMESTAMP)',
  );
  return {
    run,
    rows: async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

type Warehouse = Awaited<ReturnType<typeof warehouse>>;

/**
 * Runs the deliveries, loading after each with `load`, and returns, per load, the order ids in
 * the table and whether the table equals `rebuild` (the model's full SELECT) on the same source.
 */
async function successiveLoads(load: (db: Warehouse) => Promise<void>, rebuild: () => string) {
  const db = await warehouse();
  try {
    const loads: { orderIds: number[]; equalsRebuild: boolean }[] = [];
    for (const delivery of DELIVERIES) {
      for (const statement of delivery) await db.run(statement);
      await load(db);
      const table = await db.rows('SELECT * FROM staging.stg_orders ORDER BY order_id');
      const rebuilt = await db.rows(`SELECT * FROM (\n${rebuild()}\n) AS rebuilt ORDER BY order_id`);
      loads.push({ orderIds: table.map((row) => Number(row.order_id)), equalsRebuild: JSON.stringify(table) === JSON.stringify(rebuilt) });
    }
    return loads;
  } finally {
    db.close();
  }
}

/** The merge on the unique key that an incremental load runs after its pre-operations. */
function mergeStatement(model: Model, source: string): string {
  if (model.load.strategy !== 'incremental') throw new Error(`${model.name} is not incremental`);
  const keys = model.load.uniqueKey;
  const columns = model.columns.map((column) => column.name);
  const others = columns.filter((column) => !keys.includes(column));
  return [
    `MERGE INTO staging.stg_orders AS t USING (\n${source}\n) AS s`,
    `ON ${keys.map((key) => `t.${key} = s.${key}`).join(' AND ')}`,
    `WHEN MATCHED THEN UPDATE SET ${others.map((column) => `${column} = s.${column}`).join(', ')}`,
    `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((column) => `s.${column}`).join(', ')})`,
  ].join('\n');
}

const EXPECTED = ORDER_IDS_AFTER_EACH_LOAD.map((orderIds) => ({ orderIds, equalsRebuild: true }));

describe('the dbt incremental model, rendered by Jinja2 and run on DuckDB as dbt runs it', () => {
  let catalog: Catalog;
  let cleanup: () => void;
  // The model file rendered as dbt renders it on a first run or full refresh, and on an incremental run.
  let fullRun: RenderedDbtModel;
  let incrementalRun: RenderedDbtModel;
  beforeAll(async () => {
    // The model on DuckDB, so that its SQL runs here as it is; the constitution's dialect stays BigQuery.
    const scratch = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace('\nload:\n', '\nwarehouse: duckdb\nload:\n'),
    );
    cleanup = scratch.cleanup;
    catalog = await exampleCatalog(scratch.root);
    const emitted = dbtEmitter.emit(catalog, catalog.datasets.get('stg_orders')!);
    expect(emitted.diagnostics).toEqual([]);
    const modelFile = emitted.files.find((file) => file.path.endsWith('models/staging/stg_orders.sql'))!.content;
    const context = (incremental: boolean): DbtRunContext => ({
      incremental,
      self: 'staging.stg_orders',
      relations: { 'commerce.orders': 'raw.commerce_orders' },
    });
    fullRun = renderDbtModel(modelFile, context(false));
    incrementalRun = renderDbtModel(modelFile, context(true));
  });
  afterAll(() => cleanup());

  /**
   * dbt's incremental materialization with the merge strategy: the first run creates the table
   * from the model; later runs execute the pre-hooks, then merge the model's rows on unique_key.
   */
  function dbtRun(options: { preHooks: boolean }) {
    let exists = false;
    return async (db: Warehouse) => {
      if (!exists) {
        await db.run(`CREATE TABLE staging.stg_orders AS\n${fullRun.sql}`);
        exists = true;
        return;
      }
      if (options.preHooks) for (const hook of incrementalRun.preHooks) await db.run(hook);
      await db.run(
        mergeStatement(
          catalog.models.find((model) => model.name === 'stg_orders')!,
          incrementalRun.sql,
        ),
      );
    };
  }

  it('renders the DELETE only when is_incremental() is true, against {{ this }}, from the compiled SQL', () => {
    expect(fullRun.preHooks).toEqual([]);
    const [hook, ...more] = incrementalRun.preHooks;
    expect(more).toEqual([]);
    expect(hook).toMatch(/^DELETE FROM staging\.stg_orders AS t\nWHERE EXISTS \(/);
    expect(hook).toContain("WHERE NOT COALESCE(LOWER(status) <> 'test', FALSE)");
    expect(hook).toContain('FROM raw.commerce_orders AS o');
  });

  it('equals a full rebuild after every one of five loads, dropping the order that became a test order', async () => {
    expect(await successiveLoads(dbtRun({ preHooks: true }), () => fullRun.sql)).toEqual(EXPECTED);
  });

  it('keeps the test order without its pre-hook: the loads above do exercise the DELETE', async () => {
    const loads = await successiveLoads(dbtRun({ preHooks: false }), () => fullRun.sql);
    expect(loads[1]).toEqual({ orderIds: [1, 2, 3], equalsRebuild: false });
  });
});

/** What `dataform compile --json` gives for an incremental table. */
interface CompiledIncrementalTable {
  readonly target: { name: string };
  readonly query: string;
  readonly incrementalQuery: string;
  readonly preOps?: string[];
  readonly incrementalPreOps?: string[];
}

describe('the Dataform incremental table, compiled by the real Dataform CLI', () => {
  let catalog: Catalog;
  let table: CompiledIncrementalTable;
  beforeAll(async () => {
    catalog = await exampleCatalog();
    const datasets = [catalog.datasets.get('commerce_orders')!, catalog.datasets.get('stg_orders')!];
    const files = [
      ...dataformEmitter.emitCatalog!(catalog).files,
      ...datasets.flatMap((dataset) => dataformEmitter.emit(catalog, dataset).files),
    ];
    const compiled = dataformCompile(files);
    expect(compiled.graphErrors.compilationErrors ?? []).toEqual([]);
    table = (compiled.tables as unknown as CompiledIncrementalTable[]).find((candidate) => candidate.target.name === 'stg_orders')!;
  });

  // The names Dataform resolves ${ref()} and ${self()} to, from workflow_settings.yaml's defaultProject.
  const RESOLVED: Readonly<Record<string, string>> = {
    commerce_orders: '`customer-360.raw.commerce_orders`',
    stg_orders: '`customer-360.staging.stg_orders`',
  };

  it('runs, before the merge of an incremental run only, exactly the DELETE the plain SQL load runs', () => {
    const model = catalog.models.find((candidate) => candidate.name === 'stg_orders')!;
    const expected = compileRejectedRowsDelete(catalog, model, 'bigquery', (name) => RESOLVED[name], RESOLVED.stg_orders);
    if (!expected.ok || expected.value === undefined) throw new Error('stg_orders has a filter: a DELETE was expected');
    expect((table.incrementalPreOps ?? []).map((operation) => operation.trim())).toEqual([expected.value]);
    // A full rebuild (the first run, or --full-refresh) runs none.
    expect(table.preOps ?? []).toEqual([]);
  });

  /**
   * The compiled BigQuery SQL on DuckDB: Dataform's names made local, then translated by polyglot,
   * the translator the compiler uses.
   */
  function onDuckDb(sql: string): string {
    const local = sql.replaceAll(RESOLVED.commerce_orders, 'raw.commerce_orders').replaceAll(RESOLVED.stg_orders, 'staging.stg_orders');
    const translated = polyglotApi().transpile(local, Dialect.BigQuery, Dialect.DuckDB, { unsupportedLevel: 'raise' });
    if (!translated.success || translated.sql?.length !== 1) throw new Error(`polyglot: ${translated.error}`);
    return translated.sql[0] as string;
  }

  /**
   * Dataform's BigQuery execution of an incremental table with a uniqueKey: on the first run
   * `create or replace table ... as <query>`; then the incremental pre-operations, and a merge
   * of the incremental query on the unique key (@dataform/cli's publishTasks and mergeInto).
   */
  function dataformRun(options: { preOperations: boolean }) {
    let exists = false;
    return async (db: Warehouse) => {
      if (!exists) {
        await db.run(`CREATE TABLE staging.stg_orders AS\n${onDuckDb(table.query)}`);
        exists = true;
        return;
      }
      if (options.preOperations) for (const operation of table.incrementalPreOps ?? []) await db.run(onDuckDb(operation));
      await db.run(
        mergeStatement(
          catalog.models.find((model) => model.name === 'stg_orders')!,
          onDuckDb(table.incrementalQuery),
        ),
      );
    };
  }

  it('equals a full rebuild after every one of five loads on DuckDB, dropping the order that became a test order', async () => {
    expect(await successiveLoads(dataformRun({ preOperations: true }), () => onDuckDb(table.query))).toEqual(EXPECTED);
  });

  it('keeps the test order without its pre-operations: the loads above do exercise the DELETE', async () => {
    const loads = await successiveLoads(dataformRun({ preOperations: false }), () => onDuckDb(table.query));
    expect(loads[1]).toEqual({ orderIds: [1, 2, 3], equalsRebuild: false });
  });
});
