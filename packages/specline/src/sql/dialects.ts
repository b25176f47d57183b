/**
 * SQL dialect names, exactly as polyglot spells them. The list is a constant rather than a
 * call to polyglot's getDialects() so that specs can be validated before the WASM module is
 * loaded; polyglot-runtime.spec.ts fails if the two ever drift apart.
 */
export const KNOWN_DIALECTS = [
  'generic',
  'postgresql',
  'mysql',
  'bigquery',
  'snowflake',
  'duckdb',
  'sqlite',
  'hive',
  'spark',
  'trino',
  'presto',
  'redshift',
  'tsql',
  'oracle',
  'clickhouse',
  'databricks',
  'athena',
  'teradata',
  'doris',
  'starrocks',
  'materialize',
  'risingwave',
  'singlestore',
  'cockroachdb',
  'tidb',
  'druid',
  'solr',
  'tableau',
  'dune',
  'fabric',
  'drill',
  'dremio',
  'exasol',
  'datafusion',
] as const;

/** One of KNOWN_DIALECTS. Typed as string because dialect names arrive from YAML. */
export type SqlDialect = string;

const known: ReadonlySet<string> = new Set(KNOWN_DIALECTS);

export function isKnownDialect(name: string): boolean {
  return known.has(name);
}
