import type { Catalog, Dataset } from '../catalog';
import { transpileExpression } from '../sql';
import { timedCheck, type CheckResult } from './check-result';
import { genericChecks } from './generic-checks';
import { DUCKDB_ENGINE, type EngineDialect, type SqlSession, type TestEngine } from './test-engine';

const SHOWN_ROWS = 5;

/** Runs a dataset's generic tests against `relation` in `session` on `engine` (DuckDB unless told); each check is one result. */
export async function runGenericTests(
  session: SqlSession,
  catalog: Catalog,
  dataset: Dataset,
  relation: string,
  relationOf: (name: string) => string,
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of genericChecks(dataset, relation, relationOf, renderer(catalog, engine.dialect), engine.dialect)) {
    results.push(
      await timedCheck('generic', check.name, async () => {
        const rows = await session.rows(engine.firstRows(check.sql, SHOWN_ROWS + 1));
        if (rows.length === 0) return { status: 'passed' };
        const shown = rows.slice(0, SHOWN_ROWS).map((row) => `    ${JSON.stringify(row)}`);
        const more = rows.length > SHOWN_ROWS ? ['    ...'] : [];
        return { status: 'failed', message: [`${check.name} failed; offending rows:`, ...shown, ...more].join('\n') };
      }),
    );
  }
  return results;
}

/** Test expressions are written in the constitution's dialect; the engine runs their translation. */
export function renderer(catalog: Catalog, dialect: EngineDialect = 'duckdb'): (text: string) => string {
  return (text) => {
    const result = transpileExpression(text, catalog.constitution.dialect, dialect);
    if (!result.ok)
      throw new Error(
        `The test expression '${text}' cannot run on ${dialect === 'duckdb' ? 'DuckDB' : 'PostgreSQL'}: ${result.problem.message}`,
      );
    return result.sql;
  };
}
