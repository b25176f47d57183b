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

const LOAD_INTERVAL_DAYS = 60;

/**
 * Load n is taken n * 60 days after the first: every timestamp in it moves forward, beyond the
 * 30-day range one snapshot spans, so an updated_at never runs backwards between loads.
 */
export function laterLoad(catalog: Catalog, model: Model, given: GivenRows, index: number): GivenRows {
  if (index === 0) return given;
  const shifted: Record<string, Row[]> = {};
  for (const [alias, rows] of Object.entries(given)) {
    const upstream = catalog.datasets.get(model.inputs.find((input) => input.alias === alias)?.ref ?? '');
    const times = new Set(
      (upstream?.columns ?? [])
        .filter((column) => column.type.name === 'TIMESTAMP' || column.type.name === 'DATETIME')
        .map((column) => column.name),
    );
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
