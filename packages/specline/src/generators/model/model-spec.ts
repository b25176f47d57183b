import { formatDataType, type Catalog, type Dataset } from '../../catalog';
import { GeneratorError } from '../shared/generator-error';

export interface PickedInput {
  readonly alias: string;
  readonly dataset: Dataset;
}

/** `ref` or `ref:alias`; default aliases are the ref's initials, made unique with a number. */
export function resolveInputs(catalog: Catalog, text: string): PickedInput[] {
  const picked: PickedInput[] = [];
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [ref, explicit] = item.split(':').map((s) => s.trim());
    const dataset = catalog.datasets.get(ref);
    if (!dataset) {
      const known = [...catalog.datasets.keys()].sort();
      throw new GeneratorError(
        'invalid-option',
        `--inputs: no source or model is called ${ref}. Known datasets: ${known.join(', ') || '(none yet)'}.`,
      );
    }
    const base =
      explicit ??
      ref
        .replace(/^(stg|int|dim|fact|agg)_/, '')
        .split('_')
        .map((w) => w[0])
        .join('');
    let alias = base;
    for (let n = 2; picked.some((p) => p.alias === alias); n++) alias = `${base}${n}`;
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(alias))
      throw new GeneratorError('invalid-option', `--inputs: "${alias}" is not a valid alias for ${ref}.`);
    picked.push({ alias, dataset });
  }
  if (picked.length === 0) throw new GeneratorError('invalid-option', '--inputs: name at least one source or model.');
  return picked;
}

/** The join of each later input to the first: on the key columns both share. */
export function scaffoldJoins(inputs: readonly PickedInput[]): Record<string, unknown>[] {
  const [first, ...rest] = inputs;
  const names = (d: Dataset) => new Set(d.columns.map((c) => c.name));
  return rest.map(({ alias, dataset }) => {
    const keys = [...first.dataset.primaryKey, ...dataset.primaryKey].filter(
      (k, i, all) => all.indexOf(k) === i && names(first.dataset).has(k) && names(dataset).has(k),
    );
    if (keys.length === 0) {
      throw new GeneratorError(
        'invalid-option',
        `--inputs: ${dataset.name} shares no key column with ${first.dataset.name}, so the join cannot be guessed. Scaffold with ${first.dataset.name} alone and add the join to the spec by hand.`,
      );
    }
    return { type: 'left', alias, on: keys.map((k) => `${first.alias}.${k} = ${alias}.${k}`).join(' AND ') };
  });
}

/**
 * The aliases whose rows a join may leave out, so that their columns come out NULL: the
 * joined side of a LEFT join, the first input and everything joined before a RIGHT join,
 * and both sides of a FULL join.
 */
export function nullableAliases(inputs: readonly PickedInput[], joins: readonly Record<string, unknown>[]): Set<string> {
  const nullable = new Set<string>();
  const joined: string[] = [inputs[0].alias];
  for (const join of joins) {
    const alias = String(join['alias']);
    if (join['type'] === 'left' || join['type'] === 'full') nullable.add(alias);
    if (join['type'] === 'right' || join['type'] === 'full') joined.forEach((a) => nullable.add(a));
    joined.push(alias);
  }
  return nullable;
}

/**
 * Resolves --columns against the inputs' schemas; every output column carries its input's
 * type, PII flag, description, glossary term and accepted values, and is NOT NULL only
 * when its input column is and no join can leave its row out.
 */
export function pickColumns(
  inputs: readonly PickedInput[],
  text: string | undefined,
  joins: readonly Record<string, unknown>[],
): Record<string, unknown>[] {
  const outerSide = nullableAliases(inputs, joins);
  const items = text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [`${inputs[0].alias}.*`];
  const out: Record<string, unknown>[] = [];
  for (const item of items) {
    const [aliasPart, columnPart] = item.includes('.') ? item.split('.') : [undefined, item];
    const candidates = inputs.filter((i) => aliasPart === undefined || i.alias === aliasPart);
    if (candidates.length === 0)
      throw new GeneratorError(
        'invalid-option',
        `--columns: ${item} names the alias ${aliasPart}, but the inputs are ${inputs.map((i) => `${i.dataset.name} as ${i.alias}`).join(', ')}.`,
      );
    const hits = candidates.flatMap((input) =>
      input.dataset.columns.filter((c) => columnPart === '*' || c.name === columnPart).map((column) => ({ input, column })),
    );
    if (hits.length === 0)
      throw new GeneratorError(
        'invalid-option',
        `--columns: ${item} is not a column of ${candidates.map((c) => c.dataset.name).join(' or ')}.`,
      );
    if (columnPart !== '*' && hits.length > 1)
      throw new GeneratorError(
        'invalid-option',
        `--columns: ${item} is in ${hits.map((h) => h.input.alias).join(' and ')}; write it as alias.${columnPart}.`,
      );
    for (const { input, column } of hits) {
      if (out.some((c) => c['name'] === column.name))
        throw new GeneratorError(
          'invalid-option',
          `--columns: two inputs give a column named ${column.name}; pick one of them with alias.${column.name}.`,
        );
      const picked: Record<string, unknown> = {
        name: column.name,
        type: formatDataType(column.type),
        from: `${input.alias}.${column.name}`,
      };
      if (!column.nullable && !outerSide.has(input.alias)) picked['nullable'] = false;
      if (column.pii !== undefined) picked['pii'] = column.pii;
      if (column.description) picked['description'] = column.description;
      if (column.glossary) picked['glossary'] = column.glossary;
      // A value list holds for the column as read; NULL is judged by not_null, so it holds on an outer side too.
      const acceptedValues = column.tests.filter((test) => test.kind === 'accepted_values');
      if (acceptedValues.length > 0) picked['tests'] = acceptedValues.map((test) => ({ accepted_values: [...test.values] }));
      out.push(picked);
    }
  }
  return out;
}
