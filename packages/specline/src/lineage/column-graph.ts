import type { Catalog, Dataset, Model, ModelColumn } from '../catalog';
import { columnSourcesOf } from './column-sources';

/** One column of one dataset. */
export interface ColumnRef {
  readonly dataset: string;
  readonly column: string;
}

/**
 * How a hop derives its column, in OpenLineage's terms: `identity` copies it (`from:` alone),
 * `transformation` computes it from one or more columns, `aggregation` aggregates them.
 */
export type HopKind = 'identity' | 'transformation' | 'aggregation';

/** One hop of column lineage: an upstream column read by a model column, and how. */
export interface ColumnHop {
  readonly from: ColumnRef;
  readonly to: ColumnRef;
  readonly kind: HopKind;
  /** The SQL computing the model column, as the spec resolves it (before any aggregate). */
  readonly transform: string;
  readonly aggregate?: string;
}

/** A column and, per hop, where it leads (upstream towards the sources or downstream to the marts). */
export interface LineageTree {
  readonly column: ColumnRef;
  /** The hop from the parent node to this one; absent at the root. */
  readonly hop?: ColumnHop;
  readonly next: readonly LineageTree[];
}

export type LineageDirection = 'up' | 'down';

/**
 * Column lineage across every hop, from the resolved model: each model column's upstream
 * columns come from columnSourcesOf (the parsed expression; no SQL is guessed), indexed both
 * ways once, so a walk to the sources or to the marts is a lookup per hop.
 */
export class ColumnGraph {
  private readonly inputs = new Map<string, ColumnHop[]>();
  private readonly readers = new Map<string, ColumnHop[]>();

  constructor(catalog: Pick<Catalog, 'models' | 'datasets'>) {
    for (const model of catalog.models)
      for (const hop of hopsInto(model, catalog.datasets)) {
        push(this.inputs, keyOf(hop.to), hop);
        push(this.readers, keyOf(hop.from), hop);
      }
  }

  /** The columns this one reads directly (one hop up). */
  hopsInto(column: ColumnRef): readonly ColumnHop[] {
    return this.inputs.get(keyOf(column)) ?? [];
  }

  /** The model columns reading this one directly (one hop down). */
  hopsOutOf(column: ColumnRef): readonly ColumnHop[] {
    return this.readers.get(keyOf(column)) ?? [];
  }

  /**
   * Every hop from the column to the sources (`up`) or to the marts (`down`), as a tree. A
   * column reached twice (a diamond) appears under each parent; a cycle, which validate
   * reports, is cut where it closes.
   */
  tree(column: ColumnRef, direction: LineageDirection, hop?: ColumnHop, path: ReadonlySet<string> = new Set()): LineageTree {
    const onPath = new Set(path).add(keyOf(column));
    const hops = direction === 'up' ? this.hopsInto(column) : this.hopsOutOf(column);
    const next = hops
      .map((step) => ({ step, column: direction === 'up' ? step.from : step.to }))
      .filter(({ column: reached }) => !onPath.has(keyOf(reached)))
      .map(({ step, column: reached }) => this.tree(reached, direction, step, onPath));
    return { column, ...(hop ? { hop } : {}), next };
  }
}

/** Indented text, one column a line with the transform of the hop that reached it. */
export function formatLineageTree(tree: LineageTree, depth = 0): string {
  const hop = tree.hop
    ? `  [${tree.hop.kind}: ${tree.hop.aggregate ? `${tree.hop.aggregate}(${tree.hop.transform})` : tree.hop.transform}]`
    : '';
  const line = `${'  '.repeat(depth)}${tree.column.dataset}.${tree.column.column}${hop}`;
  return [line, ...tree.next.map((child) => formatLineageTree(child, depth + 1))].join('\n');
}

/** The hops into one model's columns, in column order: what its OpenLineage facet lists, and what the graph indexes. */
export function hopsInto(model: Model, datasets: ReadonlyMap<string, Dataset>): ColumnHop[] {
  const hops: ColumnHop[] = [];
  for (const column of model.columns)
    for (const source of columnSourcesOf(model, column, datasets)) {
      const hop = hopOf({ dataset: source.input.ref, column: source.column }, { dataset: model.name, column: column.name }, column);
      // A self-join reads one upstream column under two aliases: one hop.
      if (hops.some((other) => keyOf(other.to) === keyOf(hop.to) && keyOf(other.from) === keyOf(hop.from))) continue;
      hops.push(hop);
    }
  return hops;
}

function hopOf(from: ColumnRef, to: ColumnRef, column: ModelColumn): ColumnHop {
  const transform = column.expression.text;
  const kind: HopKind = column.aggregate ? 'aggregation' : column.transform === undefined && column.from ? 'identity' : 'transformation';
  return { from, to, kind, transform, ...(column.aggregate ? { aggregate: column.aggregate } : {}) };
}

function keyOf(column: ColumnRef): string {
  return `${column.dataset}\0${column.column}`;
}

function push(index: Map<string, ColumnHop[]>, key: string, hop: ColumnHop): void {
  const list = index.get(key);
  if (list) list.push(hop);
  else index.set(key, [hop]);
}
