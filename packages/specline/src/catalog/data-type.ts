/**
 * Logical data types. Specs may write common warehouse spellings (BIGINT, VARCHAR(20),
 * DECIMAL(18,2)); the catalog keeps one canonical name so every emitter maps the same
 * type the same way.
 */
export type LogicalTypeName =
  'STRING' | 'INT64' | 'FLOAT64' | 'NUMERIC' | 'BOOL' | 'DATE' | 'TIMESTAMP' | 'DATETIME' | 'TIME' | 'BYTES' | 'JSON';

export interface DataType {
  readonly name: LogicalTypeName;
  readonly precision?: number;
  readonly scale?: number;
}

const ALIASES: Readonly<Record<string, LogicalTypeName>> = {
  STRING: 'STRING',
  VARCHAR: 'STRING',
  TEXT: 'STRING',
  CHAR: 'STRING',
  NVARCHAR: 'STRING',
  CHARACTER: 'STRING',
  INT64: 'INT64',
  INT: 'INT64',
  INTEGER: 'INT64',
  BIGINT: 'INT64',
  SMALLINT: 'INT64',
  TINYINT: 'INT64',
  INT32: 'INT64',
  LONG: 'INT64',
  FLOAT64: 'FLOAT64',
  FLOAT: 'FLOAT64',
  DOUBLE: 'FLOAT64',
  REAL: 'FLOAT64',
  'DOUBLE PRECISION': 'FLOAT64',
  NUMERIC: 'NUMERIC',
  DECIMAL: 'NUMERIC',
  NUMBER: 'NUMERIC',
  BIGNUMERIC: 'NUMERIC',
  BOOL: 'BOOL',
  BOOLEAN: 'BOOL',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  TIMESTAMPTZ: 'TIMESTAMP',
  TIMESTAMP_TZ: 'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
  DATETIME: 'DATETIME',
  TIMESTAMP_NTZ: 'DATETIME',
  'TIMESTAMP WITHOUT TIME ZONE': 'DATETIME',
  TIME: 'TIME',
  BYTES: 'BYTES',
  BINARY: 'BYTES',
  VARBINARY: 'BYTES',
  BLOB: 'BYTES',
  BYTEA: 'BYTES',
  JSON: 'JSON',
  VARIANT: 'JSON',
  JSONB: 'JSON',
};

export const TYPE_SPELLINGS: readonly string[] = Object.keys(ALIASES);

/** Parses a type as written in a spec; undefined when it is not a known type. */
export function parseDataType(text: string): DataType | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9_ ]*?)\s*(?:\(\s*(\d{1,2})\s*(?:,\s*(\d{1,2})\s*)?\))?\s*$/.exec(text);
  if (!match) return undefined;
  const name = ALIASES[match[1].toUpperCase().replace(/\s+/g, ' ')];
  if (!name) return undefined;
  if (match[2] === undefined) return { name };
  const precision = Number(match[2]);
  if (name === 'STRING' || name === 'BYTES') return { name }; // VARCHAR(20): the length is a storage detail, not a contract.
  if (name !== 'NUMERIC') return undefined;
  const scale = match[3] === undefined ? 0 : Number(match[3]);
  if (precision < 1 || precision > 38 || scale > precision) return undefined;
  return { name, precision, scale };
}

export function formatDataType(type: DataType): string {
  return type.precision === undefined ? type.name : `${type.name}(${type.precision},${type.scale ?? 0})`;
}

export function sameDataType(a: DataType, b: DataType): boolean {
  return a.name === b.name && a.precision === b.precision && a.scale === b.scale;
}
