import type { Catalog, Dataset } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import type { Target } from '../spec/types';
import { catalogCodePaths, codePathsOf, placementOf, type CodePaths } from './code-paths';
import { contractFile, orchestrationFile } from './contract';
import type { EmitResult, GeneratedFile } from './emitter';
import { EMITTERS } from './registry';

export interface GeneratedCode {
  /** Files in the platform trees, relative to the output folder, sorted by path. A target that failed contributes no file at all. */
  readonly files: readonly GeneratedFile[];
  /** What the project owns in the trees: where `files` go, and what codegen removes when it no longer writes it. */
  readonly paths: CodePaths;
  /** The project's own files (its contract), relative to its folder. */
  readonly projectFiles: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failedTargets: readonly Target[];
}

/** Everything one source or model generates: each platform it targets, plus its contract. */
export function generateDatasetCode(catalog: Catalog, dataset: Dataset): GeneratedCode {
  return collect(
    placementOf(catalog, dataset).targets,
    (target) => EMITTERS[target].emit(catalog, dataset),
    codePathsOf(catalog, dataset),
    [contractFile(dataset), ...(dataset.kind === 'model' ? [orchestrationFile(dataset)] : [])],
  );
}

/** The files that belong to the whole catalog: dbt_project.yml, profiles.yml, workflow_settings.yaml, Airflow DAGs, build.sql. */
export function generateCatalogCode(catalog: Catalog): GeneratedCode {
  const targets = new Set<Target>(catalog.constitution.targets);
  for (const model of catalog.models) for (const target of model.targets) targets.add(target);
  return collect(
    [...targets],
    (target) => EMITTERS[target].emitCatalog?.(catalog) ?? { files: [], diagnostics: [] },
    catalogCodePaths(catalog.constitution),
    [],
  );
}

/**
 * The platform trees as every codegen task together leaves them: each dataset's files and the
 * catalog's, sorted by path. Any diagnostic means the trees cannot be produced as a whole.
 */
export function generateCodeTrees(catalog: Catalog): { files: GeneratedFile[]; diagnostics: Diagnostic[] } {
  const codes = [...[...catalog.datasets.values()].map((dataset) => generateDatasetCode(catalog, dataset)), generateCatalogCode(catalog)];
  const files = codes.flatMap((code) => code.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: codes.flatMap((code) => code.diagnostics) };
}

function collect(
  targets: readonly Target[],
  emit: (target: Target) => EmitResult,
  paths: CodePaths,
  projectFiles: GeneratedFile[],
): GeneratedCode {
  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const failedTargets: Target[] = [];
  for (const target of (Object.keys(EMITTERS) as Target[]).filter((name) => targets.includes(name))) {
    const result = emit(target);
    if (result.diagnostics.length) {
      failedTargets.push(target);
      diagnostics.push(...result.diagnostics);
    } else files.push(...result.files);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, paths, projectFiles, diagnostics, failedTargets };
}
