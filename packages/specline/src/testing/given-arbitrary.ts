import fc from 'fast-check';
import { isModel, type Catalog, type Model } from '../catalog';
import type { Row } from '../duckdb';
import type { GivenRows } from './input-tables';
import { rowsArbitrary } from './row-arbitraries';
import type { ValuePools } from './value-pools';

/**
 * One random snapshot of every input: rows per alias (the first alias of a dataset read
 * twice). `pools` adds the values the spec names (see value-pools) to the random ones.
 */
export function givenArbitrary(catalog: Catalog, model: Model, pools: ValuePools = {}): fc.Arbitrary<GivenRows> {
  const record: Record<string, fc.Arbitrary<Row[]>> = {};
  const seen = new Set<string>();
  for (const input of model.inputs) {
    if (seen.has(input.ref)) continue;
    seen.add(input.ref);
    const upstream = catalog.datasets.get(input.ref);
    if (!upstream) continue;
    const columns = isModel(upstream)
      ? upstream.outputColumns.map((column) => ({ ...column, tests: upstream.columns.find((c) => c.name === column.name)?.tests }))
      : upstream.columns;
    // An scd2 upstream promises one current row per natural key: one version per key keeps that.
    const unique = isModel(upstream) && upstream.load.strategy === 'scd2' ? upstream.load.naturalKey : upstream.primaryKey;
    record[input.alias] = rowsArbitrary(columns, unique, 6, pools[input.alias]);
  }
  return fc.record(record);
}

/** How a load follows the one before: taken later, re-delivered at once with one column changed, or a no-op repeat. */
type LoadTiming = { readonly how: 'later' } | { readonly how: 'repeat' } | { readonly how: 'at once'; readonly column: number };

/**
 * Between `min` and `max` successive loads of `snapshot`. A load taken later moves every
 * timestamp forward (see laterLoad). One taken at once re-delivers each key the previous
 * load held with one column changed (the same column for every row) and everything else,
 * timestamps included, as it was: a change stamped with the same updated_at, a change of
 * one tracked or untracked column, a change to or from NULL; keys it leaves out are
 * deleted, new keys get their own values. A repeat is the previous load again (a no-op).
 */
export function successiveLoads(
  catalog: Catalog,
  model: Model,
  snapshot: fc.Arbitrary<GivenRows>,
  min: number,
  max: number,
): fc.Arbitrary<GivenRows[]> {
  const timing: fc.Arbitrary<LoadTiming> = fc.oneof(
    fc.constant({ how: 'later' as const }),
    fc.constant({ how: 'repeat' as const }),
    fc.nat({ max: 63 }).map((column) => ({ how: 'at once' as const, column })),
  );
  return fc.array(fc.tuple(snapshot, timing), { minLength: min, maxLength: max }).map((drawn) => {
    const loads: GivenRows[] = [];
    let later = 0;
    for (const [given, timing] of drawn) {
      const previous = loads.at(-1);
      if (!previous) loads.push(given);
      else if (timing.how === 'repeat') loads.push(previous);
      else if (timing.how === 'later') loads.push(laterLoad(catalog, model, given, ++later));
      else loads.push(redelivered(catalog, model, laterLoad(catalog, model, given, later), previous, timing.column));
    }
    return loads;
  });
}

/** `given` where each row whose key `previous` held is that previous row with only the `column`-th non-key column taken from `given`. */
function redelivered(catalog: Catalog, model: Model, given: GivenRows, previous: GivenRows, column: number): GivenRows {
  const result: Record<string, Row[]> = {};
  for (const [alias, rows] of Object.entries(given)) {
    const upstream = catalog.datasets.get(model.inputs.find((input) => input.alias === alias)?.ref ?? '');
    const key = upstream ? (isModel(upstream) && upstream.load.strategy === 'scd2' ? upstream.load.naturalKey : upstream.primaryKey) : [];
    const others = (upstream ? (isModel(upstream) ? upstream.outputColumns : upstream.columns) : []).filter((c) => !key.includes(c.name));
    const changed = others[column % Math.max(others.length, 1)];
    // Every other draw of a nullable column turns a value into NULL or a NULL into a value:
    // the change a plain <> comparison misses.
    const toggleNull = changed?.nullable === true && Math.floor(column / Math.max(others.length, 1)) % 2 === 1;
    const keyOf = (row: Row) => JSON.stringify(key.map((name) => row[name]));
    const before = new Map((previous[alias] ?? []).map((row) => [keyOf(row), row]));
    result[alias] = rows.map((row) => {
      const old = key.length ? before.get(keyOf(row)) : undefined;
      if (!old || changed === undefined) return row;
      const value = toggleNull && old[changed.name] !== null && old[changed.name] !== undefined ? null : row[changed.name];
      return { ...old, [changed.name]: value };
    });
  }
  return result;
}

function timestampColumns(columns: readonly { name: string; type: { name: string } }[]): Set<string> {
  return new Set(
    columns.filter((column) => column.type.name === 'TIMESTAMP' || column.type.name === 'DATETIME').map((column) => column.name),
  );
}

const LOAD_INTERVAL_DAYS = 60;

/**
 * Load n is taken n * 60 days after the first: every timestamp in it moves forward, beyond the
 * 30-day range one snapshot spans, so an updated_at never runs backwards between loads.
 */
function laterLoad(catalog: Catalog, model: Model, given: GivenRows, index: number): GivenRows {
  if (index === 0) return given;
  const shifted: Record<string, Row[]> = {};
  for (const [alias, rows] of Object.entries(given)) {
    const upstream = catalog.datasets.get(model.inputs.find((input) => input.alias === alias)?.ref ?? '');
    const times = timestampColumns(upstream?.columns ?? []);
    shifted[alias] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [
          name,
          times.has(name) && typeof value === 'string' ? shiftDays(value, index * LOAD_INTERVAL_DAYS) : value,
        ]),
      ),
    );
  }
  return shifted;
}

function shiftDays(timestamp: string, days: number): string {
  return new Date(Date.parse(`${timestamp.replace(' ', 'T')}Z`) + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A stable 32-bit seed from text (FNV-1a): a run is reproducible and its report stable. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
