import fc from 'fast-check';
import type { Column, DataType } from '../catalog';
import type { Row } from '../duckdb';
import type { TypedColumn } from '../duckdb';

/** Strings that exercise cleanups: case, padding, empty, look-alike codes. */
const STRINGS = ['a', 'B', ' c ', '', 'x@y.z', ' Mixed@Case.COM ', 'US', 'usd', 'EUR', 'completed', '+1 415 555 0100'];
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/**
 * Values small enough to collide: keys in 1..8 so joins match and keys repeat, dates within
 * a month. Column tests narrow the domain (accepted_values); nullable columns may be NULL.
 */
export function valueArbitrary(column: TypedColumn & { tests?: Column['tests'] }, pool: readonly unknown[] = []): fc.Arbitrary<unknown> {
  const accepted = column.tests?.find((test) => test.kind === 'accepted_values');
  const typed = accepted && accepted.kind === 'accepted_values' ? fc.constantFrom(...accepted.values) : typeArbitrary(column.type);
  // A non-nullable column never draws NULL, even when a seed or unit test row leaves it out.
  const candidates = pool.filter(
    (value) => value !== null && (!accepted || accepted.kind !== 'accepted_values' || accepted.values.includes(value as never)),
  );
  // Named values weigh double: two rows sharing one is what tells SUM from SUM(DISTINCT).
  const base = candidates.length
    ? fc.oneof({ arbitrary: typed, weight: 1 }, { arbitrary: fc.constantFrom(...candidates), weight: 2 })
    : typed;
  return column.nullable ? fc.option(base, { nil: null, freq: 4 }) : base;
}

function typeArbitrary(type: DataType): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'INT64':
      // Mostly small keys that collide; sometimes zero, a negative or a large count.
      return fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 4 }, { arbitrary: fc.constantFrom(0, -3, 100), weight: 1 });
    case 'FLOAT64':
      return fc.integer({ min: -1000, max: 100_000 }).map((cents) => cents / 100);
    case 'NUMERIC': {
      const scale = type.scale ?? 2;
      return fc.integer({ min: -1000, max: 100_000 }).map((units) => (units / 10 ** Math.min(scale, 2)).toFixed(Math.min(scale, 2)));
    }
    case 'BOOL':
      return fc.boolean();
    case 'DATE':
      return fc.integer({ min: 0, max: 30 }).map((days) => new Date(START + days * DAY).toISOString().slice(0, 10));
    case 'TIMESTAMP':
    case 'DATETIME':
      // Whole hours, and a minute either side of one: elapsed hours and hour boundaries differ there.
      return fc
        .tuple(fc.integer({ min: 0, max: 30 * 24 }), fc.constantFrom(0, 0, 1, 30, 59))
        .map(([hours, minutes]) => new Date(START + hours * 3_600_000 + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' '));
    case 'TIME':
      return fc.integer({ min: 0, max: 23 }).map((hour) => `${String(hour).padStart(2, '0')}:00:00`);
    case 'JSON':
      return fc.constantFrom('{}', '{"a":1}');
    case 'BYTES':
      return fc.constantFrom('ab', 'cd');
    default:
      return fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 3 }));
  }
}

/** Rows of one dataset; the primary key is unique, as the upstream contract promises. */
export function rowsArbitrary(
  columns: readonly (TypedColumn & { tests?: Column['tests'] })[],
  primaryKey: readonly string[],
  maxRows = 6,
  pools: Readonly<Record<string, readonly unknown[]>> = {},
): fc.Arbitrary<Row[]> {
  const row = fc.record(
    Object.fromEntries(columns.map((column) => [column.name, valueArbitrary(column, pools[column.name])])),
  ) as fc.Arbitrary<Row>;
  if (primaryKey.length === 0) return fc.array(row, { maxLength: maxRows });
  return fc.uniqueArray(row, { maxLength: maxRows, selector: (r) => JSON.stringify(primaryKey.map((key) => r[key])) });
}
