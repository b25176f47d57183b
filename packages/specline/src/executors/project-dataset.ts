import { formatDiagnostics, type Diagnostic } from '../diagnostics';
import { isModel, validPartOf, type Catalog, type Dataset } from '../catalog';
import { workspaceCatalog } from './workspace-catalog';

export type ProjectDataset =
  { readonly ok: true; readonly catalog: Catalog; readonly dataset: Dataset } | { readonly ok: false; readonly report: string };
export type ProjectCatalog =
  { readonly ok: true; readonly catalog: Catalog; readonly leftOut: readonly string[] } | { readonly ok: false; readonly report: string };

/**
 * The resolved dataset behind a spec project, for targets that produce something from it.
 * They refuse while the spec, anything upstream of it or the constitution has errors: code,
 * documents and test results must come from specs that validate, never from a broken draft.
 * An error in an unrelated spec does not block this project.
 */
export async function datasetOfProject(
  workspaceRoot: string,
  specsDir: string,
  projectName: string,
  specFile: string,
  refusal: string,
): Promise<ProjectDataset> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, specsDir);
  const dataset = catalog && datasetsByFile(catalog).get(specFile);
  const relevant = new Set([
    specFile,
    ...(catalog ? [catalog.constitution.file] : []),
    ...(catalog && dataset ? upstreamFiles(catalog, dataset) : []),
  ]);
  const blocking = diagnostics.filter((d) => d.severity === 'error' && (relevant.has(d.location.file) || d.code === 'CONST001'));
  if (!catalog || blocking.length > 0) return { ok: false, report: refuse(projectName, blocking, refusal) };
  if (!dataset) return { ok: false, report: `${specFile}: ${projectName} is neither a source nor a model spec; ${refusal}.` };
  return { ok: true, catalog, dataset };
}

/**
 * The catalog for workspace-level targets: the part of it that validates (validPartOf), so one
 * broken model leaves out itself and its readers, not the project's other files. An error
 * outside every dataset's spec (the constitution, a glossary) blocks them.
 */
export async function catalogOfWorkspace(
  workspaceRoot: string,
  specsDir: string,
  projectName: string,
  refusal: string,
): Promise<ProjectCatalog> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, specsDir);
  const blocking = diagnostics.filter((d) => d.severity === 'error');
  const valid = catalog && validPartOf(catalog, blocking);
  if (!valid) return { ok: false, report: refuse(projectName, blocking, refusal) };
  return { ok: true, catalog: valid.catalog, leftOut: valid.leftOut };
}

/** What a workspace-level target says of the datasets it left out, or nothing. */
export function leftOutNote(leftOut: readonly string[]): string {
  return leftOut.length === 0
    ? ''
    : ` Left out, because their specs or their inputs' have errors (nx run <project>:validate shows them): ${leftOut.join(', ')}.`;
}

export { isModel };

function refuse(projectName: string, blocking: readonly Diagnostic[], refusal: string): string {
  const shown = blocking.length > 0 ? formatDiagnostics(blocking) : 'The catalog could not be built; run the validate target for details.';
  return `${shown}\n${projectName}: ${refusal}; fix the errors above (nx run ${projectName}:validate shows them all).`;
}

function upstreamFiles(catalog: Catalog, dataset: Dataset): string[] {
  return catalog.graph.upstreamOf(dataset.name).flatMap((name) => catalog.datasets.get(name)?.file ?? []);
}

const indexes = new WeakMap<Catalog, ReadonlyMap<string, Dataset>>();

/** Datasets by spec file, indexed once per catalog: a batch of N tasks must not scan N datasets each. */
function datasetsByFile(catalog: Catalog): ReadonlyMap<string, Dataset> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map([...catalog.sources, ...catalog.models].map((dataset) => [dataset.file, dataset]));
    indexes.set(catalog, index);
  }
  return index;
}
