import type { Catalog, Model, ModelInput } from '../catalog';
import { canonicalRows } from './canonical-rows';
import { incrementalInvariant, scd2HistoryInvariant } from './history-invariants';
import { inputStatements } from './input-tables';
import { firstRow, type Invariant } from './invariant';
import { diffRows, formatDiff, isEmptyDiff } from './row-diff';
import { renderer } from './run-generic';
import { DUCKDB_ENGINE, type TestEngine } from './test-engine';

/**
 * The filtered inputs whose rows can be deleted to check the filter: an input read twice (a
 * self-join) shares its table with the other read, so deleting its rejected rows would change
 * both. Without any, the filter invariant would compare the output with itself and never fail.
 */
function filteredInputs(model: Model): ModelInput[] {
  return model.inputs.filter((input) => input.filter && model.inputs.filter((other) => other.ref === input.ref).length === 1);
}

/** The invariants that apply to `model`, in a stable order, with their SQL for `engine` (DuckDB unless told). */
export function invariantsOf(catalog: Catalog, model: Model, engine: TestEngine = DUCKDB_ENGINE): Invariant[] {
  const invariants: Invariant[] = [];
  const scd2 = model.load.strategy === 'scd2' ? model.load : undefined;
  if (model.primaryKey.length && !scd2) invariants.push(primaryKeyInvariant(model.primaryKey, engine));
  const required = model.columns.filter((column) => !column.nullable).map((column) => column.name);
  if (required.length) invariants.push(notNullInvariant(required, engine));
  const filtered = filteredInputs(model);
  if (filtered.length) invariants.push(filterInvariant(catalog, model, filtered, engine));
  if (keepsLeftRows(catalog, model)) invariants.push(leftJoinInvariant(catalog, model, engine));
  if (model.dedupe) invariants.push(dedupeKeyInvariant(model.dedupe.key, engine));
  if (scd2) invariants.push(scd2HistoryInvariant(catalog, model, engine));
  const incremental = incrementalInvariant(catalog, model, engine);
  if (incremental) invariants.push(incremental);
  return invariants;
}

function primaryKeyInvariant(primaryKey: readonly string[], engine: TestEngine): Invariant {
  const q = engine.quote;
  const keys = primaryKey.map(q).join(', ');
  return {
    name: `primary key (${primaryKey.join(', ')}) is unique and not null`,
    loads: 1,
    async check({ session, catalog, model, implementation }, [given]) {
      const nulls = primaryKey.map((key) => `${q(key)} IS NULL`).join(' OR ');
      const bad = await firstRow(
        session,
        `SELECT ${keys}, COUNT(*) AS copies FROM (${implementation.select}) AS specline_output GROUP BY ${keys} HAVING COUNT(*) > 1 OR BOOL_OR(${nulls})`,
        inputStatements(catalog, model, given, engine),
        engine,
      );
      return bad && `the output repeats or nulls a primary key: ${bad}`;
    },
  };
}

/** After dedupe, one row per key; a NULL key is one key, as PARTITION BY groups NULLs together. */
function dedupeKeyInvariant(key: readonly string[], engine: TestEngine): Invariant {
  const q = engine.quote;
  const keys = key.map(q).join(', ');
  return {
    name: `dedupe keeps one row per key (${key.join(', ')})`,
    loads: 1,
    async check({ session, catalog, model, implementation }, [given]) {
      const bad = await firstRow(
        session,
        `SELECT ${keys}, COUNT(*) AS copies FROM (${implementation.select}) AS specline_output GROUP BY ${keys} HAVING COUNT(*) > 1`,
        inputStatements(catalog, model, given, engine),
        engine,
      );
      return bad && `the output repeats a dedupe key: ${bad}`;
    },
  };
}

function notNullInvariant(columns: readonly string[], engine: TestEngine): Invariant {
  const q = engine.quote;
  return {
    name: `non-nullable columns (${columns.join(', ')}) are never null`,
    loads: 1,
    async check({ session, catalog, model, implementation }, [given]) {
      const bad = await firstRow(
        session,
        `SELECT * FROM (${implementation.select}) AS specline_output WHERE ${columns.map((c) => `${q(c)} IS NULL`).join(' OR ')}`,
        inputStatements(catalog, model, given, engine),
        engine,
      );
      return bad && `a non-nullable column is NULL in: ${bad}`;
    },
  };
}

/**
 * Source filters hold: removing the rows a filter rejects from the input must not change the
 * output. An implementation that forgets a filter lets a rejected row through, and differs.
 */
function filterInvariant(catalog: Catalog, model: Model, filtered: readonly ModelInput[], engine: TestEngine): Invariant {
  const render = renderer(catalog, engine.dialect);
  const relation = engine.relationOf(catalog);
  const columns = model.columns.map(({ name, type }) => ({ name, type }));
  return {
    name: `source filters hold (${filtered.map((input) => `${input.alias}: ${input.filter!.text}`).join('; ')})`,
    loads: 1,
    async check({ session, implementation }, [given]) {
      const all = await canonicalRows(session, implementation.select, columns, inputStatements(catalog, model, given, engine), engine);
      const rejected = filtered.map(
        (input) =>
          `DELETE FROM ${relation(input.ref)} AS ${engine.quote(input.alias)} WHERE NOT COALESCE(${render(input.filter!.text)}, FALSE)`,
      );
      const kept = await canonicalRows(session, implementation.select, columns, rejected, engine);
      const diff = diffRows(kept, all, model.primaryKey, false);
      return isEmptyDiff(diff)
        ? undefined
        : `rows the filter rejects change the output (expected = output on pre-filtered input):\n${formatDiff(diff)}`;
    },
  };
}

/**
 * A model of LEFT JOINs without grouping, each on a unique right key, has one row per kept left
 * row; a where or dedupe after the joins may drop some, so such a model is not judged by it.
 */
function keepsLeftRows(catalog: Catalog, model: Model): boolean {
  if (model.where || model.dedupe) return false;
  if (model.groupBy.length || model.columns.some((column) => column.aggregate) || model.joins.length === 0) return false;
  return model.joins.every((join) => {
    if (join.type !== 'left' || !join.on) return false;
    const input = model.inputs.find((candidate) => candidate.alias === join.alias);
    const right = input && catalog.datasets.get(input.ref);
    const onColumns = new Set(join.on.parsed.columns.filter((ref) => ref.table === join.alias).map((ref) => ref.name));
    return !!right && right.primaryKey.length > 0 && right.primaryKey.every((key) => onColumns.has(key));
  });
}

function leftJoinInvariant(catalog: Catalog, model: Model, engine: TestEngine): Invariant {
  const render = renderer(catalog, engine.dialect);
  const left = model.inputs[0];
  const where = left.filter ? `WHERE ${render(left.filter.text)}` : '';
  return {
    name: `LEFT JOIN on a unique right key keeps every ${left.alias} row`,
    loads: 1,
    async check({ session, implementation }, [given]) {
      const [{ expected, actual }] = await session.rows(
        `SELECT (SELECT COUNT(*) FROM ${engine.relationOf(catalog)(left.ref)} AS ${engine.quote(left.alias)} ${where}) AS expected, ` +
          `(SELECT COUNT(*) FROM (${implementation.select}) AS specline_output) AS actual`,
        inputStatements(catalog, model, given, engine),
      );
      return String(expected) === String(actual) ? undefined : `${expected} ${left.alias} row(s) in, ${actual} row(s) out`;
    },
  };
}
