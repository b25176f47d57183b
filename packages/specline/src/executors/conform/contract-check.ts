import type { Catalog, Model } from '../../catalog';
import { sqlType } from '../../compiler';
import { DuckSession } from '../../duckdb';
import { loadInputs, type CheckOutcome } from '../../testing';

/**
 * The output contract: exactly the spec's columns, in its order, with its DuckDB types. The
 * query is described on empty, typed inputs, so nothing runs and no data is needed.
 */
export async function checkContract(catalog: Catalog, model: Model, select: string): Promise<CheckOutcome> {
  return DuckSession.scratch(async (session) => {
    await loadInputs(session, catalog, model, {});
    const actual = await session.describe(select);
    const problems: string[] = [];
    const byName = new Map(actual.map((column) => [column.name, column.type]));
    for (const column of model.columns) {
      const wanted = normalize(sqlType(column.type, 'duckdb'));
      const got = byName.get(column.name);
      if (got === undefined) problems.push(`missing column ${column.name} (${wanted}); add it to the SELECT list`);
      else if (normalize(got) !== wanted) problems.push(`column ${column.name} is ${got}, the spec says ${wanted}; CAST it`);
    }
    for (const column of actual)
      if (!model.columns.some((c) => c.name === column.name))
        problems.push(`extra column ${column.name} (${column.type}) is not in the spec; remove it or add it to the spec`);
    const order = actual.map((column) => column.name).filter((name) => model.columns.some((c) => c.name === name));
    if (problems.length === 0 && order.join() !== model.columns.map((c) => c.name).join())
      problems.push(`columns are in the order ${order.join(', ')}; the spec's order is ${model.columns.map((c) => c.name).join(', ')}`);
    return problems.length ? { status: 'failed', message: problems.map((problem) => `  - ${problem}`).join('\n') } : { status: 'passed' };
  });
}

function normalize(type: string): string {
  return type.replace(/\s+/g, '').toUpperCase();
}
