import type { Catalog, Model, UnitTest } from '../catalog';
import { unknownColumns } from '../duckdb';
import { canonicalRows, type ComparedColumn } from './canonical-rows';
import { timedCheck, type CheckOutcome, type CheckResult } from './check-result';
import { inputColumnsOf, inputStatements } from './input-tables';
import type { ModelImplementation } from './model-implementation';
import { diffRows, formatDiff, isEmptyDiff } from './row-diff';
import { DUCKDB_ENGINE, type TestEngine } from './test-engine';

/**
 * Runs every given/expect block of `model` against `implementation` on `engine` (DuckDB unless
 * told), each on a fresh scratch state (see TestEngine.scratch).
 */
export async function runUnitTests(
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const unitTest of model.unitTests) {
    results.push(await timedCheck('unit', unitTest.name, () => runUnitTest(catalog, model, unitTest, implementation, engine)));
  }
  return results;
}

async function runUnitTest(
  catalog: Catalog,
  model: Model,
  unitTest: UnitTest,
  implementation: ModelImplementation,
  engine: TestEngine,
): Promise<CheckOutcome> {
  const where = `${unitTest.location.file}:${unitTest.location.line}:${unitTest.location.column}`;
  for (const [alias, rows] of Object.entries(unitTest.given)) {
    const columns = inputColumnsOf(catalog, model, alias);
    if (!columns)
      return {
        status: 'error',
        message: `${where}: given names "${alias}", which is not an input alias of ${model.name}; use one of ${model.inputs.map((i) => i.alias).join(', ')}.`,
      };
    const unknown = unknownColumns(columns, rows);
    if (unknown.length)
      return {
        status: 'error',
        message: `${where}: given.${alias} names ${unknown.join(', ')}, which the upstream spec does not declare; fix the column name.`,
      };
  }
  const compared = comparedColumns(model, unitTest);
  const missingColumns = compared.filter((column) => !column.type).map((column) => column.name);
  if (missingColumns.length)
    return {
      status: 'error',
      message: `${where}: expect names ${missingColumns.join(', ')}, which ${model.name} does not declare; fix the column name.`,
    };
  const columns = compared as ComparedColumn[];

  return engine.scratch(async (session) => {
    const inputs = inputStatements(catalog, model, unitTest.given, engine);
    const actual = await canonicalRows(session, implementation.select, columns, inputs, engine);
    // A column one expect row leaves out is not compared for that row (both engines keep VALUES order).
    const typed =
      unitTest.expect.length === 0 ? [] : await canonicalRows(session, expectedValues(unitTest, columns, engine), columns, [], engine);
    const expected = typed.map((row, index) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => column in unitTest.expect[index])),
    );
    const keys = model.primaryKey.filter((key) => columns.some((column) => column.name === key));
    const diff = diffRows(expected, actual, keys.length ? keys : columns.slice(0, 1).map((c) => c.name), unitTest.ordered);
    if (isEmptyDiff(diff)) return { status: 'passed' };
    return {
      status: 'failed',
      message: `${where}: unit test ${unitTest.name} of ${model.name}: the rows differ from expect (${implementation.label}):\n${formatDiff(diff)}`,
    };
  });
}

/** Only the columns that expect names are compared, typed by the model's declaration. */
function comparedColumns(model: Model, unitTest: UnitTest): { name: string; type?: ComparedColumn['type'] }[] {
  const names = [...new Set(unitTest.expect.flatMap((row) => Object.keys(row)))];
  const order = new Map(model.columns.map((column, index) => [column.name, index]));
  names.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => ({ name, type: model.columns.find((column) => column.name === name)?.type }));
}

/** The expect rows as a typed VALUES query. */
function expectedValues(unitTest: UnitTest, columns: readonly ComparedColumn[], engine: TestEngine): string {
  const rows = unitTest.expect.map((row) => `(${columns.map((column) => engine.literal(row[column.name], column.type)).join(', ')})`);
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS expected(${columns.map((column) => engine.quote(column.name)).join(', ')})`;
}
