import { hasOutputColumn, type Column, type Dataset, type Model, type ModelColumn, type ModelInput, type SqlFragment } from '../catalog';

/** One upstream column a model column reads. */
export interface UpstreamColumn {
  readonly input: ModelInput;
  readonly column: string;
  /** The upstream column itself, when its dataset is in the catalog. */
  readonly upstream?: Column;
}

/**
 * The upstream columns a model column's expression reads, distinct, in order of appearance.
 * A reference qualified by an alias reads that input; an unqualified one reads the input that
 * has the column (validation reports it when none or several do). Lineage exports and the
 * PII rules both read columns through here, so they cannot disagree.
 */
export function columnSourcesOf(model: Model, column: ModelColumn, datasets: ReadonlyMap<string, Dataset>): UpstreamColumn[] {
  return fragmentSourcesOf(model, column.expression, datasets);
}

/**
 * The upstream columns any of a model's SQL fragments reads (a transform, a join condition, a
 * filter), resolved as columnSourcesOf resolves them. `inputs` narrows where an unqualified
 * name is looked for: a filter's names are its own input's.
 */
export function fragmentSourcesOf(
  model: Model,
  fragment: SqlFragment,
  datasets: ReadonlyMap<string, Dataset>,
  inputs: readonly ModelInput[] = model.inputs,
): UpstreamColumn[] {
  const sources: UpstreamColumn[] = [];
  const seen = new Set<string>();
  for (const ref of fragment.parsed.columns) {
    const input =
      ref.table !== undefined
        ? model.inputs.find((candidate) => candidate.alias === ref.table)
        : inputs.find((candidate) => {
            const dataset = datasets.get(candidate.ref);
            return dataset !== undefined && hasOutputColumn(dataset, ref.name);
          });
    if (!input) continue;
    const key = `${input.alias}\0${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ input, column: ref.name, upstream: datasets.get(input.ref)?.columns.find((c) => c.name === ref.name) });
  }
  return sources;
}
