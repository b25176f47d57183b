import * as path from 'node:path';
import { formatDiagnostics, hasErrors } from '../../diagnostics';
import { exportCatalog, exportDataset, type ExportedFile } from '../../exporters';
import { workspaceCatalog } from '../workspace-catalog';
import type { ExportExecutorOptions } from './schema';
import { writeFiles } from './write-files';

export interface ProjectExport {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Exports one project's review documents to <outputDir>/<project>/export. Documents are made
 * only from specs without errors: a reviewer must see what will run, not a broken draft.
 */
export async function exportProject(workspaceRoot: string, options: ExportExecutorOptions, projectName: string, specFile: string): Promise<ProjectExport> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, options.specsDir ?? 'specs');
  const catalogScope = options.scope === 'catalog';
  const blocking = diagnostics.filter((d) => d.severity === 'error' && (catalogScope || d.location.file === specFile));
  if (!catalog || hasErrors(blocking)) {
    const shown = blocking.length > 0 ? formatDiagnostics(blocking) : 'The catalog could not be built; run the validate target for details.';
    return { success: false, report: `${shown}\n${projectName}: not exported; fix the errors above (nx run ${projectName}:validate shows them all).` };
  }
  let files: ExportedFile[];
  if (catalogScope) files = await exportCatalog(catalog);
  else {
    const dataset = [...catalog.sources, ...catalog.models].find((candidate) => candidate.file === specFile);
    if (!dataset) return { success: false, report: `${specFile}: ${projectName} is neither a source nor a model spec, so it has no review documents; remove its export target.` };
    files = exportDataset(dataset);
  }
  const dir = path.join(workspaceRoot, options.outputDir ?? 'build/specline', projectName, 'export');
  const summary = writeFiles(dir, files);
  const relative = path.relative(workspaceRoot, dir).split(path.sep).join('/');
  return {
    success: true,
    report: `${projectName}: ${files.length} documents in ${relative} (${summary.written.length} written, ${summary.unchanged.length} unchanged${summary.removed.length ? `, ${summary.removed.length} stale removed` : ''}).`,
  };
}
