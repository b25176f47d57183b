import { sameDataType, type Catalog, type Dedupe, type Model, type ModelColumn, type SortKey } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import { type ColumnTypes, quoteIdentifier, roundedForInt64, type SqlDialect } from '../sql';
import type { Aggregate } from '../spec/types';
import { inputColumnTypes, outputColumnTypes } from './column-scope';
import { compileProblem, type Compiled } from './compile-problem';
import { inDialect } from './dialect-expression';
import { sqlType } from './sql-type';

/** Maps a dataset name (source or model) to the relation text the target platform reads it by. */
export type RelationOf = (datasetName: string) => string;

export interface SelectOptions {
  /**
   * For an incremental load: the relation already loaded. With `guard`, the cursor condition
   * is handed to it (dbt's is_incremental(), Dataform's when(incremental())); without one the
   * condition itself copes with an empty target.
   */
  readonly incremental?: {
    readonly relation: string;
    readonly guard?: (clause: string) => string;
    /**
     * Select the rows of the load window that the first input's filter rejects instead of
     * those it keeps: the rows an incremental load must delete, since a full rebuild drops them.
     */
    readonly rejected?: boolean;
  };
}

const AGGREGATES: Readonly<Record<Aggregate, (sql: string) => string>> = {
  sum: (sql) => `SUM(${sql})`,
  count: (sql) => `COUNT(${sql})`,
  count_distinct: (sql) => `COUNT(DISTINCT ${sql})`,
  min: (sql) => `MIN(${sql})`,
  max: (sql) => `MAX(${sql})`,
  avg: (sql) => `AVG(${sql})`,
  any_value: (sql) => `ANY_VALUE(${sql})`,
};

/**
 * The model's SELECT in `dialect`: one CTE per input with its filter inside, the joins in
 * declared order, the model's where, each column transpiled and cast to its declared type,
 * then GROUP BY, having and dedupe, in the order BigQuery applies WHERE, GROUP BY, HAVING and QUALIFY.
 */
export function compileModelSelect(
  catalog: Catalog,
  model: Model,
  dialect: SqlDialect,
  relationOf: RelationOf,
  options: SelectOptions = {},
): Compiled<string> {
  const from = catalog.constitution.dialect;
  const problems: Diagnostic[] = [];
  const q = (name: string) => quoteIdentifier(name, dialect);
  const columns = inputColumnTypes(catalog, model);

  const ctes = model.inputs.map((input, index) => {
    const lines = [`${q(input.alias)} AS (`, `  SELECT *`, `  FROM ${relationOf(input.ref)} AS ${q(input.alias)}`];
    const conditions = input.filter ? [inDialect(input.filter, input.filter.text, from, dialect, problems, columns)] : [];
    if (index === 0 && options.incremental?.rejected)
      conditions.splice(0, conditions.length, `NOT COALESCE(${conditions[0] ?? 'TRUE'}, FALSE)`);
    let guarded: string | undefined;
    if (index === 0 && options.incremental && model.load.strategy === 'incremental') {
      const cursor = cursorCondition(model, options.incremental.relation, from, dialect, problems, columns);
      if (options.incremental.guard) guarded = options.incremental.guard(`${conditions.length ? 'AND' : 'WHERE'} ${cursor.plain}`);
      else conditions.push(cursor.total);
    }
    if (conditions.length) lines.push(`  WHERE ${conditions.map((c) => indent(c, 4)).join('\n    AND ')}`);
    if (guarded) lines.push(indent(`  ${guarded}`, 2));
    lines.push(')');
    return lines.join('\n');
  });

  const aggregated = model.columns.some((column) => column.aggregate);
  if (aggregated && model.groupBy.length === 0) {
    problems.push(
      compileProblem(
        model,
        'MODEL001',
        `${model.name} aggregates columns but has no group_by.`,
        'Add group_by with the columns that identify one output row, or remove the aggregates.',
      ),
    );
  }
  const projection = model.columns.map(
    (column) => `  ${indent(projectColumn(catalog, model, column, from, dialect, problems, columns), 2)}`,
  );
  const joins = model.joins.map((join) => {
    const keyword = `${join.type.toUpperCase()} JOIN ${q(join.alias)}`;
    return join.on ? `${keyword} ON ${indent(inDialect(join.on, join.on.text, from, dialect, problems, columns), 2)}` : keyword;
  });
  const groupBy = model.groupBy.map((name) => {
    const column = model.columns.find((candidate) => candidate.name === name);
    return column ? `  ${inDialect(column.expression, column.expression.text, from, dialect, problems, columns)}` : `  ${q(name)}`;
  });
  const where = model.where && inDialect(model.where.condition, model.where.condition.text, from, dialect, problems, columns);
  const having =
    model.having && inDialect(model.having.condition, model.having.condition.text, from, dialect, problems, outputColumnTypes(model));

  if (problems.length) return { ok: false, diagnostics: problems };
  let select = [
    'SELECT',
    projection.join(',\n'),
    `FROM ${q(model.inputs[0].alias)}`,
    ...joins,
    ...(where ? [`WHERE ${indent(where, 2)}`] : []),
    ...(groupBy.length ? ['GROUP BY', groupBy.join(',\n')] : []),
  ].join('\n');
  // having and dedupe read output columns by name, after the CASTs: the grouped (or projected)
  // rows become a subquery, which every dialect can filter by its column names.
  if (having) select = `SELECT *\nFROM (\n  ${indent(select, 2)}\n) AS ${q(GROUPED)}\nWHERE ${indent(having, 2)}`;
  if (model.dedupe) select = keepFirstPerKey(model, model.dedupe, select, dialect);
  return { ok: true, value: [...(ctes.length ? ['WITH', ctes.join(',\n')] : []), select].join('\n') };
}

/** Subquery and column names the compiler adds; a leading underscore is no spec identifier, so none can collide. */
const GROUPED = '_grouped';
const SELECTED = '_selected';
const RANKED = '_ranked';
const ROW_NUMBER = '_row_number';

/** Dialects whose ORDER BY takes NULLS FIRST / NULLS LAST. */
const NULLS_CLAUSE_DIALECTS: ReadonlySet<string> = new Set([
  'bigquery',
  'duckdb',
  'postgresql',
  'snowflake',
  'spark',
  'databricks',
  'redshift',
  'trino',
  'presto',
  'oracle',
  'sqlite',
]);

/**
 * BigQuery's `QUALIFY ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) = 1`, written with a
 * subquery because PostgreSQL and Spark have no QUALIFY. NULLs are placed explicitly (BigQuery
 * sorts them first ascending; DuckDB and PostgreSQL last), and strings compare by code point
 * on PostgreSQL as in BigQuery, whatever the database's collation.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax#qualify_clause
 */
function keepFirstPerKey(model: Model, dedupe: Dedupe, select: string, dialect: SqlDialect): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const sortKey = (key: SortKey) => {
    const column = model.columns.find((candidate) => candidate.name === key.column);
    const collate = dialect === 'postgresql' && column?.type.name === 'STRING' ? ' COLLATE "C"' : '';
    const sorted = `${q(key.column)}${collate} ${key.direction.toUpperCase()}`;
    if (NULLS_CLAUSE_DIALECTS.has(dialect)) return `${sorted} NULLS ${key.nulls.toUpperCase()}`;
    // Where NULLS FIRST/LAST is not SQL (MySQL, SQL Server, …), a leading flag places them.
    return `CASE WHEN ${q(key.column)} IS NULL THEN ${key.nulls === 'first' ? 0 : 1} ELSE ${key.nulls === 'first' ? 1 : 0} END, ${sorted}`;
  };
  const order = [...dedupe.orderBy, ...dedupe.tieBreak].map(sortKey).join(', ');
  const names = model.columns.map((column) => q(column.name)).join(', ');
  const rank = `ROW_NUMBER() OVER (PARTITION BY ${dedupe.key.map(q).join(', ')} ORDER BY ${order}) AS ${q(ROW_NUMBER)}`;
  return [
    `SELECT ${names}`,
    'FROM (',
    `  SELECT *, ${rank}`,
    `  FROM (\n    ${indent(select, 4)}\n  ) AS ${q(SELECTED)}`,
    `) AS ${q(RANKED)}`,
    `WHERE ${q(ROW_NUMBER)} = 1`,
  ].join('\n');
}

function projectColumn(
  catalog: Catalog,
  model: Model,
  column: ModelColumn,
  from: SqlDialect,
  dialect: SqlDialect,
  problems: Diagnostic[],
  columns: ColumnTypes,
): string {
  const name = quoteIdentifier(column.name, dialect);
  const text = column.aggregate ? AGGREGATES[column.aggregate](column.expression.text) : column.expression.text;
  const sql = inDialect(column.expression, text, from, dialect, problems, columns);
  if (isPassThrough(catalog, model, column))
    return sql === `${quoteIdentifier(column.from!.alias, dialect)}.${name}` ? sql : `${sql} AS ${name}`;
  // A FLOAT64 or NUMERIC value becomes INT64 as BigQuery's cast makes it: rounded halves away from zero.
  const value = column.type.name === 'INT64' ? roundedForInt64(sql, text, from, dialect, columns) : sql;
  return `CAST(${value} AS ${sqlType(column.type, dialect)}) AS ${name}`;
}

/** A column copied unchanged from an input column of the same type needs no CAST. */
function isPassThrough(catalog: Catalog, model: Model, column: ModelColumn): boolean {
  if (column.transform !== undefined || column.aggregate || !column.from) return false;
  const input = model.inputs.find((candidate) => candidate.alias === column.from!.alias);
  const upstream = input && catalog.datasets.get(input.ref);
  const upstreamColumn = upstream?.columns.find((candidate) => candidate.name === column.from!.column);
  return upstreamColumn !== undefined && sameDataType(upstreamColumn.type, column.type);
}

function cursorCondition(
  model: Model,
  relation: string,
  from: SqlDialect,
  dialect: SqlDialect,
  problems: Diagnostic[],
  columns: ColumnTypes,
) {
  const cursorName = model.load.strategy === 'incremental' ? model.load.cursor : undefined;
  const column = model.columns.find((candidate) => candidate.name === cursorName);
  if (!column || !cursorName) {
    problems.push(
      compileProblem(
        model,
        'MODEL003',
        `${model.name} loads incrementally but names no cursor column among its columns.`,
        'Set load.cursor to a column of this model, e.g. updated_at.',
      ),
    );
    return { plain: 'TRUE', total: 'TRUE' };
  }
  const expression = inDialect(column.expression, column.expression.text, from, dialect, problems, columns);
  const latest = `(SELECT MAX(${quoteIdentifier(cursorName, dialect)}) FROM ${relation})`;
  // >=, not >: a row delivered after the last load but stamped with its latest cursor value
  // is loaded too. The rows at that value are read again; the MERGE on the unique key makes
  // that re-delivery idempotent.
  return { plain: `${expression} >= ${latest}`, total: `COALESCE(${expression} >= ${latest}, TRUE)` };
}

/** Re-indents the continuation lines of a multi-line fragment so the SELECT stays readable. */
function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
