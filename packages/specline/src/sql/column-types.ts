import { nodeData, nodeType } from './ast-nodes';

/**
 * The declared types of the columns an expression can name, as the translation needs them.
 * A value's type changes what some BigQuery constructs mean (CAST(x AS INT64) of a FLOAT64
 * rounds where the targets' cast of a double rounds halves to even; DATE_TRUNC of a DATE is a
 * DATE), and an expression alone cannot tell a column's type. Keys are lower-case
 * `alias.column`, and `column` where the name is unambiguous; values are BigQuery type names.
 */
export type ColumnTypes = ReadonlyMap<string, string>;

export const NO_COLUMN_TYPES: ColumnTypes = new Map();

/** Only these types change a translation; keeping the others out keeps remembered keys short. */
const TYPES_THE_TRANSLATION_READS: ReadonlySet<string> = new Set(['INT64', 'FLOAT64', 'DATE']);

/**
 * The types as one canonical string (sorted `name:TYPE` pairs joined by `;`), so translations
 * are remembered per text and scope. Names are identifiers, which hold neither `:` nor `;`.
 */
export function columnTypesKey(columns: ColumnTypes): string {
  // A model's scope is asked for once per fragment, emitter and dialect: its key is built once.
  let key = keys.get(columns);
  if (key === undefined) {
    key = [...columns]
      .filter(([, type]) => TYPES_THE_TRANSLATION_READS.has(type))
      .map(([name, type]) => `${name.toLowerCase()}:${type}`)
      .sort()
      .join(';');
    keys.set(columns, key);
  }
  return key;
}

const keys = new WeakMap<ColumnTypes, string>();

export function columnTypesFromKey(key: string): ColumnTypes {
  if (key === '') return NO_COLUMN_TYPES;
  return new Map(key.split(';').map((pair) => pair.split(':') as [string, string]));
}

/** The declared type of a column node, if the scope knows it. */
export function columnTypeOf(node: unknown, columns: ColumnTypes): string | undefined {
  if (nodeType(node) !== 'column') return undefined;
  const data = nodeData(node);
  const name = identifier(data['name']);
  if (name === undefined) return undefined;
  const table = identifier(data['table']);
  return columns.get(table === undefined ? name : `${table}.${name}`);
}

function identifier(value: unknown): string | undefined {
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name.toLowerCase() : undefined;
}
