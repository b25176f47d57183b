import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Catalog, Model, SqlFragment } from '../catalog';
import { warehouseRelation } from './index';
import { exampleCatalog } from '../../test-support/example-catalog';
import { typedTables, type SeededEngine } from '../../test-support/example-catalog-tables';
import { transpileExpression } from '../sql';
import { quoteIdentifier } from '../sql/quote-identifier';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres } from '../../test-support/throwaway-postgres';

/**
 * Every SQL fragment of the example catalog, translated to an engine and executed there over
 * the typed tables codegen's plain SQL reads (sources seeded, models empty): a translation
 * that names a function or type the engine lacks fails here, not in a user's warehouse.
 */
const DIALECTS_OF_TARGET: Readonly<Record<string, (sqlDialects: readonly string[], warehouses: readonly string[]) => readonly string[]>> = {
  pyspark: () => ['spark'],
  sql: (sqlDialects) => sqlDialects,
  dbt: (_sql, warehouses) => warehouses,
  dataform: (_sql, warehouses) => warehouses,
};

interface Probe {
  readonly where: string;
  readonly text: string;
  readonly from: string;
}

function probes(catalog: Catalog, dialect: SeededEngine): Probe[] {
  const relation = warehouseRelation(catalog, dialect);
  const q = (name: string) => quoteIdentifier(name, dialect);
  return catalog.models.flatMap((model: Model) => {
    const inputs = model.inputs.map((input) => `${relation(input.ref)} AS ${q(input.alias)}`).join(' CROSS JOIN ');
    const self = relation(model.name);
    const at = (fragment: SqlFragment, what: string, from: string): Probe => ({
      where: `${model.name} ${what} (${fragment.location.file}:${fragment.location.line}:${fragment.location.column})`,
      text: fragment.text,
      from,
    });
    return [
      ...model.inputs.flatMap((input) => (input.filter ? [at(input.filter, `filter on ${input.alias}`, inputs)] : [])),
      ...model.joins.flatMap((join) => (join.on ? [at(join.on, `join ${join.alias}`, inputs)] : [])),
      ...model.columns.map((column) => {
        const probe = at(column.expression, `column ${column.name}`, inputs);
        if (!column.aggregate) return probe;
        return {
          ...probe,
          text:
            column.aggregate === 'count_distinct' ? `COUNT(DISTINCT ${probe.text})` : `${column.aggregate.toUpperCase()}(${probe.text})`,
        };
      }),
      ...model.columns.flatMap((column) =>
        column.tests.flatMap((test) => (test.kind === 'expression' ? [at(test.expression, `test on ${column.name}`, self)] : [])),
      ),
      ...model.tests.flatMap((test) => (test.kind === 'expression' ? [at(test.expression, 'model test', self)] : [])),
    ];
  });
}

/** The probes that do not translate or do not run, as readable lines; [] when all is well. */
async function failures(catalog: Catalog, dialect: SeededEngine, run: (sql: string) => Promise<void>): Promise<string[]> {
  const failed: string[] = [];
  for (const probe of probes(catalog, dialect)) {
    const translated = transpileExpression(probe.text, catalog.constitution.dialect, dialect);
    if (!translated.ok) {
      failed.push(`${probe.where}: ${translated.problem.message}`);
      continue;
    }
    try {
      await run(`SELECT ${translated.sql} AS probe FROM ${probe.from}`);
    } catch (error) {
      failed.push(`${probe.where}: ${translated.sql}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return failed;
}

describe('every fragment of the example catalog runs on the engines it is generated for', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await exampleCatalog();
  });

  it('covers filters, joins, columns and tests', () => {
    const count = probes(catalog, 'duckdb').length;
    expect(count).toBeGreaterThan(40);
  });

  it('translates to every dialect each model is generated in (pyspark: spark; sql: sql_dialects; dbt, dataform: warehouse)', () => {
    const { constitution } = catalog;
    const problems = catalog.models.flatMap((model) => {
      const dialects = new Set(
        model.targets.flatMap(
          (target) => DIALECTS_OF_TARGET[target]?.(constitution.sqlDialects, [model.warehouse, constitution.warehouse]) ?? [],
        ),
      );
      dialects.delete(constitution.dialect);
      const modelProbes = probes(catalog, 'duckdb').filter((probe) => probe.where.startsWith(`${model.name} `));
      return [...dialects].flatMap((dialect) =>
        modelProbes.flatMap((probe) => {
          const result = transpileExpression(probe.text, constitution.dialect, dialect);
          return result.ok ? [] : [`${probe.where} to ${dialect}: ${result.problem.message}`];
        }),
      );
    });
    expect(problems).toEqual([]);
    expect(transpileExpression('FARM_FINGERPRINT(c.email)', constitution.dialect, 'duckdb').ok).toBe(false); // the check is live
  });

  it('on DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection: DuckDBConnection = await instance.connect();
    try {
      for (const statement of typedTables(catalog, 'duckdb', true)) await connection.run(statement);
      const seeded = await connection.runAndReadAll(
        `SELECT COUNT(*) AS n FROM ${warehouseRelation(catalog, 'duckdb')(catalog.sources[0]!.name)}`,
      );
      expect(Number(seeded.getRowObjects()[0]?.['n'])).toBeGreaterThan(0);
      expect(await failures(catalog, 'duckdb', async (sql) => void (await connection.run(sql)))).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  const bin = postgresBinDir();
  (bin ? it : it.skip)(`on PostgreSQL${bin ? '' : ` — ${POSTGRES_MISSING}`}`, async () => {
    const server = startThrowawayPostgres(bin as string);
    try {
      server.query(typedTables(catalog, 'postgresql', true).join('\n'));
      expect(await failures(catalog, 'postgresql', async (sql) => void server.query(`${sql};`))).toEqual([]);
    } finally {
      server.stop();
    }
  });
});
