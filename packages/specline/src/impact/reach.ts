import type { Catalog, Dataset } from '../catalog';
import type { ColumnGraph, ColumnRef } from '../lineage';
import { describeTest } from './comparable';

/**
 * Every column that reads one of `columns`, over every hop, in any of the graphs (the base's
 * and the head's: a column the head removed is read downstream only in the base), nearest
 * first, without the columns themselves.
 */
export function downstreamOf(columns: readonly ColumnRef[], graphs: readonly ColumnGraph[]): ColumnRef[] {
  const key = (column: ColumnRef) => `${column.dataset}.${column.column}`;
  const seen = new Set(columns.map(key));
  const reached: ColumnRef[] = [];
  const queue = [...columns];
  while (queue.length > 0) {
    const column = queue.shift()!;
    for (const graph of graphs)
      for (const hop of graph.hopsOutOf(column)) {
        if (seen.has(key(hop.to))) continue;
        seen.add(key(hop.to));
        reached.push(hop.to);
        queue.push(hop.to);
      }
  }
  return reached;
}

/**
 * The tests that check these columns, as the head defines them (the base's where the head
 * lost the dataset): the columns' own tests, the dataset tests naming them, and the unit
 * tests expecting them. `wholeDatasets` contribute every test they have.
 */
export function testsCovering(columns: readonly ColumnRef[], wholeDatasets: readonly string[], catalogs: readonly Catalog[]): string[] {
  const datasetNamed = (name: string): Dataset | undefined =>
    catalogs.map((catalog) => catalog.datasets.get(name)).find((dataset) => dataset !== undefined);
  const tests: string[] = [];
  const add = (test: string) => {
    if (!tests.includes(test)) tests.push(test);
  };
  for (const name of wholeDatasets) {
    const dataset = datasetNamed(name);
    for (const column of dataset?.columns ?? []) for (const test of column.tests) add(`${name}.${column.name}: ${describeTest(test)}`);
    if (dataset?.kind === 'model') {
      for (const test of dataset.tests) add(`${name}: ${describeTest(test)}`);
      for (const test of dataset.unitTests) add(`${name}: unit test ${test.name}`);
    }
  }
  for (const ref of columns) {
    const dataset = datasetNamed(ref.dataset);
    const column = dataset?.columns.find((candidate) => candidate.name === ref.column);
    for (const test of column?.tests ?? []) add(`${ref.dataset}.${ref.column}: ${describeTest(test)}`);
    if (dataset?.kind !== 'model') continue;
    for (const test of dataset.tests)
      if (
        (test.kind === 'unique_combination' && test.columns.includes(ref.column)) ||
        (test.kind === 'expression' && test.expression.parsed.columns.some((used) => used.name === ref.column))
      )
        add(`${ref.dataset}: ${describeTest(test)}`);
    for (const test of dataset.unitTests) if (test.expect.some((row) => ref.column in row)) add(`${ref.dataset}: unit test ${test.name}`);
  }
  return tests;
}
