import * as polyglot from '@polyglot-sql/sdk';
import { initSql, isKnownDialect } from '../sql';
import { ImportError } from './import-error';
import { canonicalType, renamedFrom, specColumnName, type ColumnDraft } from './column-draft';

export interface DdlTable {
  readonly table: string;
  readonly columns: readonly ColumnDraft[];
  readonly primaryKey: readonly string[];
  /** What the DDL says that the source spec has no place for (a CHECK other than IN, say), one line each. */
  readonly notCarried: readonly string[];
}

interface DdlIdentifier {
  readonly name: string;
}
type Expression = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface DdlColumn {
  readonly name: DdlIdentifier;
  readonly data_type: { readonly data_type: string; readonly name?: string };
  readonly nullable: boolean | null;
  readonly primary_key: boolean;
  readonly unique: boolean;
  readonly comment: string | null;
  readonly constraints: readonly Expression[];
  readonly options?: readonly Expression[];
}
interface DdlCreateTable {
  readonly name: { readonly name: DdlIdentifier };
  readonly columns: readonly DdlColumn[];
  readonly constraints: readonly Expression[];
}

/** What one column's constraints say beyond its type and nullability. */
interface ColumnFacts {
  description?: string;
  acceptedValues?: string[];
  references?: { table: string; column: string };
  unique?: boolean;
}

/**
 * Reads one CREATE TABLE statement with polyglot in the dialect it was written in, keeping
 * everything the spec can hold: types (rendered by polyglot in BigQuery spelling and mapped
 * to Specline's logical types, so every dialect's synonyms land on one name), NOT NULL, the
 * primary key, UNIQUE, `CHECK (c IN (...))` as accepted values, REFERENCES and FOREIGN KEY
 * as relationships, and column comments (COMMENT, OPTIONS(description=...), COMMENT ON
 * COLUMN statements after it) as descriptions. Arrays and structs have no spec type and
 * are refused by name; any other CHECK is listed in `notCarried`.
 */
export async function readCreateTable(sql: string, dialect: string, origin: string): Promise<DdlTable> {
  if (!isKnownDialect(dialect))
    throw new ImportError(`--dialect: "${dialect}" is not a SQL dialect polyglot knows, e.g. postgresql, mysql, snowflake, bigquery.`);
  await initSql();
  const result = polyglot.parse(sql, dialect as polyglot.Dialect);
  if (!result.success || !result.ast) {
    throw new ImportError(
      `${origin}:${result.errorLine ?? 1}:${result.errorColumn ?? 1}: the DDL does not parse as ${dialect}: ${result.error}. Fix the statement or pass the --dialect it is written in.`,
    );
  }
  const statements = result.ast as Record<string, unknown>[];
  const creates = statements.filter((s) => 'create_table' in s);
  const comments = statements.filter((s) => 'comment' in s).map((s) => s['comment'] as Expression);
  if (creates.length !== 1 || creates.length + comments.length !== statements.length) {
    throw new ImportError(
      `${origin}: expected exactly one CREATE TABLE statement (and COMMENT ON statements for it), found ${statements.length} statement(s) of which ${creates.length} CREATE TABLE. Put one table per file.`,
    );
  }
  const create = creates[0]['create_table'] as DdlCreateTable;
  if (create.columns.length === 0)
    throw new ImportError(`${origin}: the CREATE TABLE has no column list (CREATE TABLE ... AS SELECT is not supported).`);
  const notCarried: string[] = [];
  const facts = new Map<string, ColumnFacts>(create.columns.map((c) => [c.name.name.toLowerCase(), columnFacts(c, origin, notCarried)]));
  tableFacts(create, facts, origin, notCarried);
  for (const comment of comments) {
    const target = comment['this']?.['column'];
    const text = comment['expression']?.['literal']?.['value'];
    if (comment['kind'] === 'COLUMN' && target && typeof text === 'string' && facts.has(String(target.name.name).toLowerCase()))
      facts.get(String(target.name.name).toLowerCase())!.description = text;
    else
      notCarried.push(`${origin}: a COMMENT ON ${String(comment['kind'])} statement: only column comments have a place in a source spec`);
  }
  const columns = create.columns.map((column) => {
    const where = `${origin}: column ${column.name.name}`;
    const name = specColumnName(column.name.name, where);
    const fact = facts.get(column.name.name.toLowerCase())!;
    return {
      name,
      type: typeOf(column, dialect, where),
      nullable: column.nullable !== false && !column.primary_key,
      ...renamedFrom(column.name.name, name),
      ...(fact.description ? { description: fact.description } : {}),
      ...(fact.unique ? { unique: true } : {}),
      ...(fact.acceptedValues ? { acceptedValues: fact.acceptedValues } : {}),
      ...(fact.references ? { references: fact.references } : {}),
    };
  });
  const inlineKey = create.columns.filter((c) => c.primary_key).map((c) => specColumnName(c.name.name, origin));
  const tableKey = create.constraints.flatMap((c) =>
    ((c['PrimaryKey']?.columns ?? []) as DdlIdentifier[]).map((id) => specColumnName(id.name, origin)),
  );
  return {
    table: specColumnName(create.name.name.name, origin),
    columns,
    primaryKey: tableKey.length > 0 ? tableKey : inlineKey,
    notCarried,
  };
}

function typeOf(column: DdlColumn, dialect: string, where: string): string {
  const kind = column.data_type.data_type;
  if (kind === 'array' || kind === 'struct' || /^(ARRAY|STRUCT|MAP)\b/i.test(column.data_type.name ?? ''))
    throw new ImportError(
      `${where}: ${kind === 'struct' ? 'a STRUCT' : 'an ARRAY'} has no type in a Specline spec (columns hold one scalar value). Declare the column JSON in the DDL to keep it as a document, or leave it out of the table.`,
    );
  // BigQuery's TIMESTAMP is an instant; polyglot reads it as a zone-less timestamp and
  // renders BigQuery DATETIME. https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#timestamp_type
  if (dialect === 'bigquery' && kind === 'timestamp') return 'TIMESTAMP';
  const rendered = polyglot.generateDataType(column.data_type as unknown as polyglot.DataType, 'bigquery' as polyglot.Dialect);
  if (!rendered.success || !rendered.sql) throw new ImportError(`${where}: its type cannot be rendered (${rendered.error}).`);
  return canonicalType(rendered.sql, where);
}

/** `c IN ('a', 'b')` on the column itself, with literal values only. */
function acceptedValuesOf(check: Expression, column: string): string[] | undefined {
  const inList = check?.['in'];
  if (!inList || inList['not'] || inList['query'] || String(inList['this']?.['column']?.['name']?.['name']).toLowerCase() !== column)
    return undefined;
  const values = (inList['expressions'] as Expression[]).map((e) => e?.['literal']?.['value']);
  return values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
}

function referencesOf(reference: Expression): { table: string; column: string } | undefined {
  const columns = reference?.['columns'] as DdlIdentifier[] | undefined;
  const table = reference?.['table']?.['name']?.['name'];
  return typeof table === 'string' && columns?.length === 1
    ? { table: table.toLowerCase(), column: columns[0].name.toLowerCase() }
    : undefined;
}

function columnFacts(column: DdlColumn, origin: string, notCarried: string[]): ColumnFacts {
  const name = column.name.name.toLowerCase();
  const facts: ColumnFacts = {};
  if (column.comment) facts.description = column.comment;
  if (column.unique) facts.unique = true;
  for (const option of column.options ?? []) {
    if (String(option?.['eq']?.['left']?.['column']?.['name']?.['name']).toLowerCase() === 'description')
      facts.description = option['eq']['right']?.['literal']?.['value'] ?? facts.description;
  }
  for (const constraint of column.constraints) {
    if (typeof constraint['Comment'] === 'string') facts.description = constraint['Comment'];
    else if (constraint['Check']) {
      const values = acceptedValuesOf(constraint['Check'], name);
      if (values) facts.acceptedValues = values;
      else
        notCarried.push(
          `${origin}: column ${column.name.name}: a CHECK other than "${name} IN ('a', ...)" is not carried over; add it as an expression test`,
        );
    } else if (constraint['References']) {
      const reference = referencesOf(constraint['References']);
      if (reference) facts.references = reference;
      else notCarried.push(`${origin}: column ${column.name.name}: a REFERENCES to more than one column is not carried over`);
    }
  }
  return facts;
}

function tableFacts(create: DdlCreateTable, facts: Map<string, ColumnFacts>, origin: string, notCarried: string[]): void {
  for (const constraint of create.constraints) {
    if (constraint['Check']) {
      const expression = constraint['Check']['expression'];
      const column = String(expression?.['in']?.['this']?.['column']?.['name']?.['name'] ?? '').toLowerCase();
      const values = facts.has(column) ? acceptedValuesOf(expression, column) : undefined;
      if (values) facts.get(column)!.acceptedValues = values;
      else notCarried.push(`${origin}: a table CHECK other than "column IN ('a', ...)" is not carried over; add it as a table test`);
    } else if (constraint['ForeignKey']) {
      const columns = constraint['ForeignKey']['columns'] as DdlIdentifier[];
      const reference = referencesOf(constraint['ForeignKey']['references']);
      if (columns.length === 1 && reference && facts.has(columns[0].name.toLowerCase()))
        facts.get(columns[0].name.toLowerCase())!.references = reference;
      else notCarried.push(`${origin}: a FOREIGN KEY over more than one column is not carried over`);
    } else if (constraint['Unique']) {
      const columns = (constraint['Unique']['columns'] ?? []) as DdlIdentifier[];
      if (columns.length === 1 && facts.has(columns[0].name.toLowerCase())) facts.get(columns[0].name.toLowerCase())!.unique = true;
      else notCarried.push(`${origin}: a UNIQUE over more than one column is not carried over; add a unique_combination table test`);
    }
  }
}
