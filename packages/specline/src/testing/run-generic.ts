import type { Catalog, Dataset } from '../catalog';
import type { DuckSession } from '../duckdb';
import { transpileExpression } from '../sql';
import { timedCheck, type CheckResult } from './check-result';
import { genericChecks } from './generic-checks';

const SHOWN_ROWS = 5;

/** Runs a dataset's generic tests against `relation` in `session`; each check is one result. */
export async function runGenericTests(
  session: DuckSession,
  catalog: Catalog,
  dataset: Dataset,
  relation: string,
  relationOf: (name: string) => string,
): Promise<CheckResult[]> {
  const render = renderer(catalog);
  const results: CheckResult[] = [];
  for (const check of genericChecks(dataset, relation, relationOf, render)) {
    results.push(
      await timedCheck('generic', check.name, async () => {
        const rows = await session.rows(`SELECT * FROM (${check.sql}) ORDER BY ALL LIMIT ${SHOWN_ROWS + 1}`);
        if (rows.length === 0) return { status: 'passed' };
        const shown = rows.slice(0, SHOWN_ROWS).map((row) => `    ${JSON.stringify(row)}`);
        const more = rows.length > SHOWN_ROWS ? ['    ...'] : [];
        return { status: 'failed', message: [`${check.name} failed; offending rows:`, ...shown, ...more].join('\n') };
      }),
    );
  }
  return results;
}

/** Test expressions are written in the constitution's dialect; DuckDB runs their translation. */
export function renderer(catalog: Catalog): (text: string) => string {
  return (text) => {
    const result = transpileExpression(text, catalog.constitution.dialect, 'duckdb');
    if (!result.ok) throw new Error(`The test expression '${text}' cannot run on DuckDB: ${result.problem.message}`);
    return result.sql;
  };
}
