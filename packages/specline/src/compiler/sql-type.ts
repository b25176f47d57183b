import { type DataType, type LogicalTypeName } from '../catalog';
import type { SqlDialect } from '../sql';

type TypeTable = Readonly<Record<LogicalTypeName, string>>;

/**
 * The one table mapping logical types to each dialect's spelling. DECIMAL keeps the declared
 * precision; without one it takes the dialect's widest exact default.
 */
const ANSI: TypeTable = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  DATETIME: 'TIMESTAMP',
  TIME: 'TIME',
  BYTES: 'VARBINARY',
  JSON: 'JSON',
};

const TYPES: Readonly<Record<string, TypeTable>> = {
  bigquery: {
    STRING: 'STRING',
    INT64: 'INT64',
    FLOAT64: 'FLOAT64',
    NUMERIC: 'NUMERIC',
    BOOL: 'BOOL',
    DATE: 'DATE',
    TIMESTAMP: 'TIMESTAMP',
    DATETIME: 'DATETIME',
    TIME: 'TIME',
    BYTES: 'BYTES',
    JSON: 'JSON',
  },
  duckdb: { ...ANSI, BYTES: 'BLOB' },
  // Spark has no TIME type; a time of day travels as its ISO text.
  spark: { ...ANSI, STRING: 'STRING', DATETIME: 'TIMESTAMP_NTZ', TIME: 'STRING', BYTES: 'BINARY', JSON: 'STRING' },
  databricks: { ...ANSI, STRING: 'STRING', DATETIME: 'TIMESTAMP_NTZ', TIME: 'STRING', BYTES: 'BINARY', JSON: 'STRING' },
  snowflake: {
    ...ANSI,
    FLOAT64: 'FLOAT',
    NUMERIC: 'NUMBER',
    TIMESTAMP: 'TIMESTAMP_TZ',
    DATETIME: 'TIMESTAMP_NTZ',
    BYTES: 'BINARY',
    JSON: 'VARIANT',
  },
  postgresql: {
    ...ANSI,
    STRING: 'TEXT',
    FLOAT64: 'DOUBLE PRECISION',
    NUMERIC: 'NUMERIC',
    TIMESTAMP: 'TIMESTAMPTZ',
    BYTES: 'BYTEA',
    JSON: 'JSONB',
  },
};

export function sqlType(type: DataType, dialect: SqlDialect): string {
  const name = (TYPES[dialect] ?? ANSI)[type.name];
  return type.precision === undefined ? name : `${name}(${type.precision}, ${type.scale ?? 0})`;
}
