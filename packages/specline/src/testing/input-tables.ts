import type { Catalog, Model } from '../catalog';
import { isModel } from '../catalog';
import type { Row } from '../duckdb';
import { DUCKDB_ENGINE, type SqlSession, type TestEngine } from './test-engine';

/** Rows for each input alias of a model, as a given block holds them. */
export type GivenRows = Readonly<Record<string, readonly Row[]>>;

/**
 * Creates each input of `model` under its warehouse name, typed by the upstream spec, and
 * fills it with the given rows. Two aliases of one dataset (a self-join) share its table.
 */
export async function loadInputs(
  session: SqlSession,
  catalog: Catalog,
  model: Model,
  given: GivenRows,
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<void> {
  await session.runAll(inputStatements(catalog, model, given, engine));
}

/** The statements of loadInputs, for a caller that sends them in one script with its query (one round trip per case). */
export function inputStatements(catalog: Catalog, model: Model, given: GivenRows, engine: TestEngine = DUCKDB_ENGINE): string[] {
  const statements = engine.schemaStatements(catalog);
  const relation = engine.relationOf(catalog);
  const refs = [...new Set(model.inputs.map((input) => input.ref))];
  for (const ref of refs) {
    const upstream = catalog.datasets.get(ref);
    if (!upstream) throw new Error(`${model.file}: the input "${ref}" is neither a source nor a model; fix the ref.`);
    const rows = model.inputs.filter((input) => input.ref === ref).flatMap((input) => given[input.alias] ?? []);
    statements.push(...engine.typedTable(relation(ref), isModel(upstream) ? upstream.outputColumns : upstream.columns, rows));
  }
  return statements;
}

/** The columns an input alias's table holds, or undefined when the alias is not an input. */
export function inputColumnsOf(catalog: Catalog, model: Model, alias: string) {
  const input = model.inputs.find((candidate) => candidate.alias === alias);
  const upstream = input && catalog.datasets.get(input.ref);
  if (!upstream) return undefined;
  return isModel(upstream) ? upstream.outputColumns : upstream.columns;
}
