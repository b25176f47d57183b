import type { Dataset, Model, ModelColumn } from '../catalog';
import { columnSourcesOf } from './column-sources';

/** One edge of column-level lineage: a source column feeding a model column. */
export interface ColumnLineageEdge {
  readonly sourceDataset: string;
  readonly sourceColumn: string;
  readonly targetDataset: string;
  readonly targetColumn: string;
}

/** The columns a model column reads, from its already-parsed expression (nothing is re-parsed here). */
export function columnLineage(model: Model, column: ModelColumn, datasets: ReadonlyMap<string, Dataset>): ColumnLineageEdge[] {
  const edges = columnSourcesOf(model, column, datasets).map((source) => ({
    sourceDataset: source.input.ref,
    sourceColumn: source.column,
    targetDataset: model.name,
    targetColumn: column.name,
  }));
  // A self-join reads the same dataset under two aliases: one edge per upstream column.
  return edges.filter(
    (edge, i) => edges.findIndex((other) => other.sourceDataset === edge.sourceDataset && other.sourceColumn === edge.sourceColumn) === i,
  );
}

/** Every column edge of a model, in column order. */
export function modelColumnLineage(model: Model, datasets: ReadonlyMap<string, Dataset>): ColumnLineageEdge[] {
  return model.columns.flatMap((column) => columnLineage(model, column, datasets));
}
