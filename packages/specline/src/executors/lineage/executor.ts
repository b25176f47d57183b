import type { ExecutorContext } from '@nx/devkit';
import { formatDiagnostics } from '../../diagnostics';
import { loadSpecsFolder } from '../../load';
import { DEFAULT_OPTIONS } from '../../workspace/options';
import { lineageReport } from './lineage-project';
import type { LineageExecutorOptions } from './schema';

/**
 * Loads the whole catalog, not the project's scope (see catalog-scope.ts): a column's readers
 * downstream are outside what the project itself needs.
 */
export default async function lineageExecutor(options: LineageExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  const { catalog, diagnostics } = await loadSpecsFolder(context.root, options.specsDir ?? DEFAULT_OPTIONS.specsDir);
  const result = catalog
    ? lineageReport(catalog, projectName, options)
    : { success: false, report: `${projectName}: the catalog does not load:\n${formatDiagnostics(diagnostics)}` };
  (result.success ? console.log : console.error)(result.report);
  return { success: result.success };
}
