import type { Model, ModelColumn } from '../catalog';

/** One edge of column-level lineage: a source column feeding a model column. */
export interface ColumnLineageEdge {
  readonly sourceDataset: string;
  readonly sourceColumn: string;
  readonly targetDataset: string;
  readonly targetColumn: string;
}

/**
 * The columns a model column reads, from its already-parsed expression (the catalog parsed
 * it once; nothing is re-parsed here). A column reference without an alias belongs to the
 * model's only input; with several inputs it is ambiguous and left out rather than guessed.
 */
export function columnLineage(model: Model, column: ModelColumn): ColumnLineageEdge[] {
  const refByAlias = new Map(model.inputs.map((input) => [input.alias, input.ref]));
  const onlyInput = model.inputs.length === 1 ? model.inputs[0].ref : undefined;
  const edges: ColumnLineageEdge[] = [];
  const seen = new Set<string>();
  for (const ref of column.expression.parsed.columns) {
    const dataset = ref.table === undefined ? onlyInput : refByAlias.get(ref.table);
    if (dataset === undefined) continue;
    const key = `${dataset}\0${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ sourceDataset: dataset, sourceColumn: ref.name, targetDataset: model.name, targetColumn: column.name });
  }
  return edges;
}

/** Every column edge of a model, in column order. */
export function modelColumnLineage(model: Model): ColumnLineageEdge[] {
  return model.columns.flatMap((column) => columnLineage(model, column));
}
