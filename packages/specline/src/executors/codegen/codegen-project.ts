import * as path from 'node:path';
import { formatDiagnostics, hasErrors } from '../../diagnostics';
import { generateCatalogCode, generateDatasetCode, type GeneratedCode } from '../../emitters';
import { workspaceCatalog } from '../workspace-catalog';
import type { CodegenExecutorOptions } from './schema';
import { writeTree } from './write-tree';

export interface ProjectCodegen {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Generates one project's code into <outputDir>/<project>/codegen. A spec with errors generates
 * nothing; a platform that cannot express a transform fails the task with the diagnostic and
 * keeps its folder as it was, while the other platforms are still written.
 */
export async function codegenProject(workspaceRoot: string, options: CodegenExecutorOptions, projectName: string, specFile: string): Promise<ProjectCodegen> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, options.specsDir ?? 'specs');
  const catalogScope = options.scope === 'catalog';
  const blocking = diagnostics.filter((d) => d.severity === 'error' && (catalogScope || d.location.file === specFile));
  if (!catalog || hasErrors(blocking)) {
    const shown = blocking.length > 0 ? formatDiagnostics(blocking) : 'The catalog could not be built; run the validate target for details.';
    return { success: false, report: `${shown}\n${projectName}: no code generated; fix the errors above (nx run ${projectName}:validate shows them all).` };
  }
  let code: GeneratedCode;
  if (catalogScope) code = generateCatalogCode(catalog);
  else {
    const dataset = [...catalog.sources, ...catalog.models].find((candidate) => candidate.file === specFile);
    if (!dataset) return { success: false, report: `${specFile}: ${projectName} is neither a source nor a model spec, so it has no code; remove its codegen target.` };
    code = generateDatasetCode(catalog, dataset);
  }
  const dir = path.join(workspaceRoot, options.outputDir ?? 'build/specline', projectName, 'codegen');
  const summary = writeTree(dir, code.files, code.failedTargets);
  const relative = path.relative(workspaceRoot, dir).split(path.sep).join('/');
  const counts = `${code.files.length} files in ${relative} (${summary.written.length} written, ${summary.unchanged.length} unchanged${summary.removed.length ? `, ${summary.removed.length} stale removed` : ''})`;
  if (code.failedTargets.length === 0) return { success: true, report: `${projectName}: ${counts}.` };
  return {
    success: false,
    report: `${formatDiagnostics(code.diagnostics)}\n${projectName}: ${code.failedTargets.join(', ')} not generated (their folders are untouched); ${counts}.`,
  };
}
