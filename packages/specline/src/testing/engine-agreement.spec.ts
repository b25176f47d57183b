import type { Catalog, Model } from '../catalog';
import { DuckSession, SeedWarehouse } from '../duckdb';
import { exampleCatalog, WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/throwaway-postgres';
import { canonicalRows, type ComparedColumn } from './canonical-rows';
import { withPostgresEngine } from './postgres-engine';
import { diffRows, formatDiff, isEmptyDiff, type CanonicalRow } from './row-diff';

/**
 * One spec, two engines, the same rows: every example model built from the seed CSVs on
 * DuckDB (the SQL `test` and `run` use) and on a real PostgreSQL (the SQL codegen's
 * postgresql target holds), read back as typed values and compared as multisets. A
 * disagreement is a translation that changes what the spec means, and fails the build.
 */
const bin = postgresBinDir();

/**
 * Values the engines print differently although they are equal: a float (DuckDB prints 3.0,
 * PostgreSQL 3), a NUMERIC without a declared scale (DuckDB's DECIMAL keeps 3 decimals,
 * PostgreSQL's NUMERIC the value's own). Compared as numbers, not as text.
 */
function typed(rows: readonly CanonicalRow[], columns: readonly ComparedColumn[]): CanonicalRow[] {
  return rows.map((row) =>
    Object.fromEntries(
      columns.map(({ name, type }) => {
        const value = row[name];
        if (value === null) return [name, null];
        if (type.name === 'FLOAT64') return [name, String(Number(value))];
        if (type.name === 'NUMERIC' && value.includes('.')) return [name, value.replace(/\.?0+$/, '')];
        return [name, value];
      }),
    ),
  );
}

/**
 * An scd2 model without updated_at stamps its versions with the wall clock of the load, which
 * two engines never share: those columns are compared as stamped or not, the rest in full.
 */
function wallClockColumns(model: Model): string[] {
  return model.load.strategy === 'scd2' && !model.load.updatedAt ? [model.load.validFrom, model.load.validTo] : [];
}

async function rowsOnBothEngines(catalog: Catalog, url: string) {
  const compared: { model: Model; duckdb: CanonicalRow[]; postgresql: CanonicalRow[] }[] = [];
  await DuckSession.scratch(async (duck) => {
    const onDuckDb = new SeedWarehouse(duck, catalog, WORKSPACE_ROOT);
    await withPostgresEngine(url, async (postgres) => {
      const onPostgres = postgres.seedWarehouse(catalog, WORKSPACE_ROOT);
      for (const model of catalog.models) {
        await onDuckDb.ensure(model.name);
        await onPostgres.ensure(model.name);
        const stamped = new Set(wallClockColumns(model));
        const columns = model.outputColumns.map(({ name, type }) => ({ name, type }));
        const read = async (rows: Promise<CanonicalRow[]>) =>
          typed(await rows, columns).map((row) =>
            Object.fromEntries(Object.entries(row).map(([name, value]) => [name, stamped.has(name) && value !== null ? 'stamped' : value])),
          );
        compared.push({
          model,
          duckdb: await read(canonicalRows(duck, `SELECT * FROM ${onDuckDb.relationOf(model.name)}`, columns)),
          postgresql: await read(
            canonicalRows(onPostgres.session, `SELECT * FROM ${onPostgres.relationOf(model.name)}`, columns, [], postgres.engine),
          ),
        });
      }
    });
  });
  return compared;
}

(bin ? describe : describe.skip)(`the example models on DuckDB and on PostgreSQL${bin ? '' : ` — ${POSTGRES_MISSING}`}`, () => {
  let server: ThrowawayPostgres;

  beforeAll(() => {
    server = startThrowawayPostgres(bin as string);
  });

  afterAll(() => server?.stop());

  it('give the same rows, every column of every row, for every model built from the seeds', async () => {
    const catalog = await exampleCatalog();
    const compared = await rowsOnBothEngines(catalog, server.url);
    expect(compared.map(({ model }) => model.name).sort()).toEqual(catalog.models.map((model) => model.name).sort());
    // Rows to compare: an empty model would agree without testing anything.
    expect(compared.filter(({ duckdb }) => duckdb.length === 0).map(({ model }) => model.name)).toEqual([]);
    const differences = Object.fromEntries(
      compared.flatMap(({ model, duckdb, postgresql }) => {
        const diff = diffRows(duckdb, postgresql, model.primaryKey, false);
        return isEmptyDiff(diff) ? [] : [[model.name, `expected = DuckDB, got = PostgreSQL:\n${formatDiff(diff)}`]];
      }),
    );
    expect(differences).toEqual({});
  });
});
