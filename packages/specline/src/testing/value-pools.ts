import type { Catalog, Model, SqlFragment } from '../catalog';
import { literalsIn } from '../sql';
import type { GivenRows } from './input-tables';

/** Values worth trying per input alias and column, beside the random ones. */
export type ValuePools = Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;

/**
 * What the spec itself says is interesting: every literal its transforms, filters and joins
 * compare with and every value its unit tests and seed rows hold, strings with the case and
 * padding variants a cleanup must handle, numbers with their neighbours for boundaries. Random rows
 * drawn from these reach each CASE branch and both sides of each filter, which uniform
 * random strings almost never do.
 */
export function valuePools(catalog: Catalog, model: Model, examples: readonly GivenRows[]): ValuePools {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  for (const fragment of fragmentsOf(model))
    for (const literal of literalsIn(fragment.parsed.ast)) {
      if (literal.family === 'string') for (const variant of stringVariants(literal.text)) strings.add(variant);
      else if (Number.isFinite(Number(literal.text))) for (const delta of [-1, 0, 1]) numbers.add(Number(literal.text) + delta);
    }
  const pools: Record<string, Record<string, unknown[]>> = {};
  for (const input of model.inputs) {
    const upstream = catalog.datasets.get(input.ref);
    if (!upstream) continue;
    const columns: Record<string, unknown[]> = {};
    for (const column of upstream.columns) {
      const seen = new Set<string>();
      const pool: unknown[] = [];
      const add = (value: unknown) => {
        const key = JSON.stringify(value);
        if (value === undefined || seen.has(key)) return;
        seen.add(key);
        pool.push(value);
      };
      for (const example of examples)
        for (const row of example[input.alias] ?? []) {
          const value = row[column.name];
          if (column.type.name === 'STRING' && typeof value === 'string') for (const variant of stringVariants(value)) add(variant);
          else add(value);
        }
      if (column.type.name === 'STRING') for (const text of strings) add(text);
      if (column.type.name === 'INT64') for (const n of numbers) if (Number.isInteger(n)) add(n);
      if (column.type.name === 'FLOAT64' || column.type.name === 'NUMERIC') for (const n of numbers) add(n);
      if (pool.length) columns[column.name] = pool;
    }
    pools[input.alias] = columns;
  }
  return pools;
}

function fragmentsOf(model: Model): SqlFragment[] {
  return [
    ...model.columns.map((column) => column.expression),
    ...model.inputs.flatMap((input) => (input.filter ? [input.filter] : [])),
    ...model.joins.flatMap((join) => (join.on ? [join.on] : [])),
    ...(model.where ? [model.where.condition] : []),
  ];
}

/** 'active' also as 'Active', 'ACTIVE', 'aCTIVE' and ' active ': what LOWER, UPPER and TRIM exist for. */
function stringVariants(text: string): string[] {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  const flipped = [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return [text, capitalized, text.toUpperCase(), flipped, ` ${text} `];
}
