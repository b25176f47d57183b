import * as path from 'node:path';
import { formatDiagnostics } from '../../diagnostics';
import { generateCatalogCode, generateDatasetCode, type GeneratedCode } from '../../emitters';
import { catalogOfWorkspace, datasetOfProject } from '../project-dataset';
import type { ProjectTaskOptions } from '../project-task';
import type { SpecExecutorOptions } from '../spec/schema';
import { describeSync, syncFolder } from '../../output';

export interface ProjectCodegen {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Generates one project's code into <outputDir>/<project>/codegen. A spec with errors generates
 * nothing; a platform that cannot express a transform fails the task with the diagnostic and
 * keeps its folder as it was, while the other platforms are still written.
 */
export async function codegenProject(
  workspaceRoot: string,
  options: SpecExecutorOptions & Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectCodegen> {
  let code: GeneratedCode;
  if (options.scope === 'catalog') {
    const workspace = await catalogOfWorkspace(workspaceRoot, options.specsDir, projectName, 'no code generated');
    if (!workspace.ok) return { success: false, report: workspace.report };
    code = generateCatalogCode(workspace.catalog);
  } else {
    const project = await datasetOfProject(workspaceRoot, options.specsDir, projectName, specFile, 'no code generated');
    if (!project.ok) return { success: false, report: project.report };
    code = generateDatasetCode(project.catalog, project.dataset);
  }
  const dir = path.join(workspaceRoot, options.outputDir, projectName, 'codegen');
  const summary = syncFolder(dir, code.files, code.failedTargets);
  const relative = path.relative(workspaceRoot, dir).split(path.sep).join('/');
  const counts = `${code.files.length} files in ${relative} (${describeSync(summary)})`;
  if (code.failedTargets.length === 0) return { success: true, report: `${projectName}: ${counts}.` };
  return {
    success: false,
    report: `${formatDiagnostics(code.diagnostics)}\n${projectName}: ${code.failedTargets.join(', ')} not generated (their folders are untouched); ${counts}.`,
  };
}
