import type { Catalog } from '../../catalog';
import { ColumnGraph, formatLineageTree, type LineageDirection } from '../../lineage';
import type { LineageExecutorOptions } from './schema';

/**
 * `nx run <project>:lineage --column=<name> [--direction=up|down]`: the column's lineage tree
 * across every hop, to the sources (up, the default) or to the marts (down).
 */
export function lineageReport(
  catalog: Catalog,
  projectName: string,
  options: LineageExecutorOptions,
): { success: boolean; report: string } {
  const dataset = catalog.datasets.get(projectName);
  if (!dataset) return { success: false, report: `${projectName}: lineage needs a source or model project.` };
  const columns = dataset.kind === 'model' ? dataset.outputColumns : dataset.columns;
  if (!options.column)
    return {
      success: false,
      report: `${projectName}: lineage needs a column: nx run ${projectName}:lineage --column=<name> (one of ${columns.map((c) => c.name).join(', ')})`,
    };
  if (!columns.some((column) => column.name === options.column))
    return {
      success: false,
      report: `${projectName}: no column ${options.column}; the columns are ${columns.map((c) => c.name).join(', ')}.`,
    };
  const direction: LineageDirection = options.direction ?? 'up';
  const tree = new ColumnGraph(catalog).tree({ dataset: dataset.name, column: options.column }, direction);
  return { success: true, report: formatLineageTree(tree) };
}
