import { hasErrors, type Diagnostic } from '../diagnostics';
import { isModel, type Catalog, type Model } from '../catalog';
import { workspaceCatalog } from './workspace-catalog';

export type ProjectModel = { readonly ok: true; readonly catalog: Catalog; readonly model: Model } | { readonly ok: false; readonly report: string };

/**
 * The resolved model behind a project, or why there is none. test, run and conform need a
 * catalog that validates: running tests on a spec with errors would report noise.
 */
export async function modelOfProject(workspaceRoot: string, specsDir: string, projectName: string, specFile: string): Promise<ProjectModel> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, specsDir);
  const errors = diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  if (!catalog || hasErrors(errors)) {
    return { ok: false, report: `${projectName} (${specFile}): the specs have ${errors.length} error(s); run \`nx run-many -t validate\` and fix them first.` };
  }
  const model = catalog.models.find((candidate) => candidate.file === specFile);
  if (!isModel(model)) return { ok: false, report: `${projectName} (${specFile}) is not a model spec; only models have test, run and conform targets.` };
  return { ok: true, catalog, model };
}
