import * as path from 'node:path';
import { formatDiagnostics } from '../../diagnostics';
import { generateCatalogCode, generateDatasetCode, type GeneratedCode } from '../../emitters';
import { catalogOfWorkspace, datasetOfProject, leftOutNote } from '../project-dataset';
import type { ProjectTaskOptions } from '../project-task';
import type { SpecExecutorOptions } from '../spec/schema';
import { describeSync, syncFolder, syncOwnedFiles, type FolderSync } from '../../output';

export interface ProjectCodegen {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Generates one project's code into the platform trees under <outputDir> (dbt/, dataform/,
 * sql/, pyspark/, airflow/), where it writes and cleans up only its own files, and its contract
 * into <outputDir>/<project>/codegen. A spec with errors generates nothing; a platform that
 * cannot express a transform fails the task with the diagnostic and keeps its files as they
 * were, while the other platforms are still written.
 */
export async function codegenProject(
  workspaceRoot: string,
  options: SpecExecutorOptions & Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectCodegen> {
  let code: GeneratedCode;
  let note = '';
  if (options.scope === 'catalog') {
    const workspace = await catalogOfWorkspace(workspaceRoot, options.specsDir, projectName, 'no code generated');
    if (!workspace.ok) return { success: false, report: workspace.report };
    code = generateCatalogCode(workspace.catalog);
    note = leftOutNote(workspace.leftOut);
  } else {
    const project = await datasetOfProject(workspaceRoot, options.specsDir, projectName, specFile, 'no code generated');
    if (!project.ok) return { success: false, report: project.report };
    code = generateDatasetCode(project.catalog, project.dataset);
  }
  const root = path.join(workspaceRoot, options.outputDir);
  const trees = syncOwnedFiles(root, code.files, code.paths, code.failedTargets);
  const own = syncFolder(path.join(root, projectName, 'codegen'), code.projectFiles);
  const sync: FolderSync = {
    written: [...trees.written, ...own.written],
    unchanged: [...trees.unchanged, ...own.unchanged],
    removed: [...trees.removed, ...own.removed],
  };
  const counts = `${code.files.length + code.projectFiles.length} files in ${options.outputDir} (${describeSync(sync)})`;
  if (code.failedTargets.length === 0) return { success: true, report: `${projectName}: ${counts}.${note}` };
  return {
    success: false,
    report: `${formatDiagnostics(code.diagnostics)}\n${projectName}: ${code.failedTargets.join(', ')} not generated (their files are untouched); ${counts}.`,
  };
}
