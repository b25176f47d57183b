import { isModel, type Catalog, type Model } from '../catalog';
import { datasetOfProject } from './project-dataset';

export type ProjectModel =
  { readonly ok: true; readonly catalog: Catalog; readonly model: Model } | { readonly ok: false; readonly report: string };

/** The resolved model behind a project, for test, run and conform (see datasetOfProject). */
export async function modelOfProject(
  workspaceRoot: string,
  specsDir: string,
  projectName: string,
  specFile: string,
): Promise<ProjectModel> {
  const project = await datasetOfProject(workspaceRoot, specsDir, projectName, specFile, 'not run');
  if (!project.ok) return project;
  if (!isModel(project.dataset))
    return { ok: false, report: `${projectName} (${specFile}) is a source spec; only models have test, run and conform targets.` };
  return { ok: true, catalog: project.catalog, model: project.dataset };
}
