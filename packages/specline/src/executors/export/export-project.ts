import * as path from 'node:path';
import { exportCatalog, exportDataset, type ExportedFile } from '../../exporters';
import { catalogOfWorkspace, datasetOfProject, leftOutNote } from '../project-dataset';
import type { ProjectTaskOptions } from '../project-task';
import type { SpecExecutorOptions } from '../spec/schema';
import { describeSync, syncFolder } from '../../output';

export interface ProjectExport {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Exports one project's review documents to <outputDir>/<project>/export. Documents are made
 * only from specs without errors: a reviewer must see what will run, not a broken draft.
 */
export async function exportProject(
  workspaceRoot: string,
  options: SpecExecutorOptions & Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectExport> {
  let files: ExportedFile[];
  let note = '';
  if (options.scope === 'catalog') {
    const workspace = await catalogOfWorkspace(workspaceRoot, options.specsDir, projectName, 'not exported');
    if (!workspace.ok) return { success: false, report: workspace.report };
    files = await exportCatalog(workspace.catalog);
    note = leftOutNote(workspace.leftOut);
  } else {
    const project = await datasetOfProject(workspaceRoot, options.specsDir, projectName, specFile, 'not exported');
    if (!project.ok) return { success: false, report: project.report };
    files = exportDataset(project.dataset, project.catalog);
  }
  const dir = path.join(workspaceRoot, options.outputDir, projectName, 'export');
  const summary = syncFolder(dir, files);
  const relative = path.relative(workspaceRoot, dir).split(path.sep).join('/');
  return {
    success: true,
    report: `${projectName}: ${files.length} documents in ${relative} (${describeSync(summary)}).${note}`,
  };
}
