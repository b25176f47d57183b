import * as polyglot from '@polyglot-sql/sdk';
import { initSql, isKnownDialect } from '../sql';
import { ImportError } from './import-error';
import { canonicalType, renamedFrom, specColumnName, type ColumnDraft } from './column-draft';

export interface DdlTable {
  readonly table: string;
  readonly columns: readonly ColumnDraft[];
  readonly primaryKey: readonly string[];
}

interface DdlIdentifier {
  readonly name: string;
}
interface DdlColumn {
  readonly name: DdlIdentifier;
  readonly data_type: unknown;
  readonly nullable: boolean | null;
  readonly primary_key: boolean;
}
interface DdlCreateTable {
  readonly name: { readonly name: DdlIdentifier };
  readonly columns: readonly DdlColumn[];
  readonly constraints: readonly Record<string, { readonly columns?: readonly DdlIdentifier[] }>[];
}

/**
 * Reads one CREATE TABLE statement with polyglot in the dialect it was written in. Types are
 * rendered by polyglot in BigQuery spelling and then mapped to Specline's logical types, so
 * every dialect's synonyms (BIGINT, NUMBER, TIMESTAMPTZ, ...) land on one name; BigQuery is
 * chosen because the logical type names are BigQuery's.
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
  if (creates.length !== 1 || statements.length !== 1) {
    throw new ImportError(
      `${origin}: expected exactly one CREATE TABLE statement, found ${statements.length} statement(s) of which ${creates.length} CREATE TABLE. Put one table per file.`,
    );
  }
  const create = creates[0]['create_table'] as DdlCreateTable;
  if (create.columns.length === 0)
    throw new ImportError(`${origin}: the CREATE TABLE has no column list (CREATE TABLE ... AS SELECT is not supported).`);
  const columns = create.columns.map((column) => {
    const rendered = polyglot.generateDataType(column.data_type as polyglot.DataType, 'bigquery' as polyglot.Dialect);
    const where = `${origin}: column ${column.name.name}`;
    if (!rendered.success || !rendered.sql) throw new ImportError(`${where}: its type cannot be rendered (${rendered.error}).`);
    const name = specColumnName(column.name.name, where);
    return {
      name,
      type: canonicalType(rendered.sql, where),
      nullable: column.nullable !== false && !column.primary_key,
      ...renamedFrom(column.name.name, name),
    };
  });
  const inlineKey = create.columns.filter((c) => c.primary_key).map((c) => specColumnName(c.name.name, origin));
  const tableKey = create.constraints.flatMap((c) => (c['PrimaryKey']?.columns ?? []).map((id) => specColumnName(id.name, origin)));
  return { table: specColumnName(create.name.name.name, origin), columns, primaryKey: tableKey.length > 0 ? tableKey : inlineKey };
}
