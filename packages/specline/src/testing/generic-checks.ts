import type { Dataset, ModelTest } from '../catalog';
import { isModel } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';

/** One generic data test as a query that returns the offending rows (none when it passes). */
export interface GenericCheck {
  readonly name: string;
  readonly sql: string;
}

/**
 * The generic tests a dataset's spec implies, in spec order: column tests, the primary key,
 * model tests, then the scd2 invariants. Expressions are in the authoring dialect; they
 * arrive here already rendered for the engine's `dialect` (DuckDB unless told) through `render`.
 */
export function genericChecks(
  dataset: Dataset,
  relation: string,
  relationOf: (name: string) => string,
  render: (text: string) => string,
  dialect: SqlDialect = 'duckdb',
): GenericCheck[] {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const duplicates = duplicatesIn(dialect);
  const checks: GenericCheck[] = [];
  const scd2 = isModel(dataset) && dataset.load.strategy === 'scd2' ? dataset.load : undefined;
  // In an scd2 table a key repeats once per version; uniqueness holds among current rows.
  const current = scd2 ? `WHERE ${q(scd2.isCurrent)}` : '';
  for (const column of dataset.columns) {
    const c = q(column.name);
    for (const test of column.tests) {
      if (test.kind === 'not_null') checks.push({ name: `not_null(${column.name})`, sql: `SELECT * FROM ${relation} WHERE ${c} IS NULL` });
      if (test.kind === 'unique') checks.push({ name: `unique(${column.name})`, sql: duplicates([column.name], relation, current) });
      if (test.kind === 'accepted_values') {
        const list = test.values.map((value) => (typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value))).join(', ');
        checks.push({
          name: `accepted_values(${column.name})`,
          sql: `SELECT * FROM ${relation} WHERE ${c} IS NOT NULL AND ${c} NOT IN (${list})`,
        });
      }
      if (test.kind === 'relationships') {
        checks.push({
          name: `relationships(${column.name} -> ${test.to}.${test.field})`,
          sql: `SELECT * FROM ${relation} AS child WHERE child.${c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${relationOf(test.to)} AS parent WHERE parent.${q(test.field)} = child.${c})`,
        });
      }
      if (test.kind === 'expression') {
        // NULL passes: a predicate that is unknown is not a violation (dbt's expression_is_true does the same).
        checks.push({
          name: `expression(${column.name}: ${oneLine(test.expression.text)})`,
          sql: `SELECT * FROM ${relation} WHERE NOT COALESCE(${render(test.expression.text)}, TRUE)`,
        });
      }
    }
  }
  if (dataset.primaryKey.length > 1)
    checks.push({ name: `unique(${dataset.primaryKey.join(', ')})`, sql: duplicates(dataset.primaryKey, relation, current) });
  if (isModel(dataset)) for (const test of dataset.tests) checks.push(modelCheck(test, relation, current, render, dialect));
  if (scd2) checks.push(...scd2Checks(scd2, relation, dialect));
  return checks;
}

function modelCheck(
  test: ModelTest,
  relation: string,
  current: string,
  render: (text: string) => string,
  dialect: SqlDialect,
): GenericCheck {
  if (test.kind === 'unique_combination')
    return { name: `unique(${test.columns.join(', ')})`, sql: duplicatesIn(dialect)(test.columns, relation, current) };
  if (test.kind === 'expression')
    return {
      name: `expression(${oneLine(test.expression.text)})`,
      sql: `SELECT * FROM ${relation} WHERE NOT COALESCE(${render(test.expression.text)}, TRUE)`,
    };
  const bounds = [test.min !== undefined ? `n < ${test.min}` : '', test.max !== undefined ? `n > ${test.max}` : ''].filter(Boolean);
  return {
    name: `row_count(${test.min ?? ''}..${test.max ?? ''})`,
    sql: `SELECT n AS row_count FROM (SELECT COUNT(*) AS n FROM ${relation}) AS counted WHERE ${bounds.join(' OR ') || 'FALSE'}`,
  };
}

/** The history columns and key of an scd2 load, as the checks need them. */
export interface Scd2Shape {
  readonly naturalKey: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly isCurrent: string;
  readonly onDelete: 'ignore' | 'close';
}

/**
 * Exactly one current row per natural key (with on_delete: close, a deleted key has none: at
 * most one, and then it is the latest version), one version per key and valid_from,
 * valid_from < valid_to, and no two versions of a key overlap.
 */
export function scd2Checks(load: Scd2Shape, relation: string, dialect: SqlDialect = 'duckdb'): GenericCheck[] {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const keys = load.naturalKey.map(q);
  const sameKey = keys.map((key) => `a.${key} = b.${key}`).join(' AND ');
  const [from, to, cur] = [q(load.validFrom), q(load.validTo), q(load.isCurrent)];
  const currentRows = `SUM(CASE WHEN ${cur} THEN 1 ELSE 0 END)`;
  const perKey = `SELECT ${keys.join(', ')}, ${currentRows} AS current_rows FROM ${relation} GROUP BY ${keys.join(', ')}`;
  return [
    load.onDelete === 'close'
      ? {
          name: 'scd2: at most one current row per natural key, and it is the latest version',
          sql: `${perKey} HAVING ${currentRows} > 1 OR (${currentRows} = 1 AND MAX(${from}) <> MAX(CASE WHEN ${cur} THEN ${from} END))`,
        }
      : { name: 'scd2: exactly one current row per natural key', sql: `${perKey} HAVING ${currentRows} <> 1` },
    {
      name: 'scd2: one version per natural key and valid_from',
      sql: `SELECT ${keys.join(', ')}, ${from}, COUNT(*) AS versions FROM ${relation} GROUP BY ${keys.join(', ')}, ${from} HAVING COUNT(*) > 1`,
    },
    {
      name: 'scd2: a current row is open, a closed row is not current',
      sql: `SELECT * FROM ${relation} WHERE ${cur} IS NULL OR (${cur} AND ${to} IS NOT NULL) OR (NOT ${cur} AND ${to} IS NULL)`,
    },
    {
      name: 'scd2: valid_from < valid_to',
      sql: `SELECT * FROM ${relation} WHERE ${from} IS NULL OR (${to} IS NOT NULL AND NOT (${from} < ${to}))`,
    },
    {
      name: 'scd2: no overlapping validity intervals',
      sql: `SELECT a.* FROM ${relation} AS a JOIN ${relation} AS b ON ${sameKey} AND a.${from} < b.${from} AND (a.${to} IS NULL OR a.${to} > b.${from})`,
    },
  ];
}

function duplicatesIn(dialect: SqlDialect) {
  return (columns: readonly string[], relation: string, where: string): string => {
    const list = columns.map((name) => quoteIdentifier(name, dialect)).join(', ');
    return `SELECT ${list}, COUNT(*) AS copies FROM ${relation} ${where} GROUP BY ${list} HAVING COUNT(*) > 1`;
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
