import type { ProjectConfiguration } from '@nx/devkit';
import {
  buildCodegenTarget,
  buildExportTarget,
  buildImpactTarget,
  buildPruneTarget,
  PRUNE_TARGET,
  SHARED_INPUT,
  sharedNamedInput,
  SPECS_INPUT,
  type TargetContext,
} from './targets';

/**
 * The workspace-level `catalog` project, created from the constitution file. It carries the
 * catalog-wide `export` and `codegen`, which read every spec and refuse while any has errors,
 * and `impact`, which compares the catalog at two git revisions.
 *
 * It has no graph edge: a hub edge to every spec would bury the lineage in `nx graph`.
 * Instead the whole specs folder is a named input (`{workspaceRoot}/<specsDir>/**\/*`). Nx
 * counts a project as touched when a `{workspaceRoot}/` file of its inputs changes, so any
 * spec edit still makes the catalog affected, and its export re-runs (its cache key holds
 * every file); its codegen keys on every spec's behaviour through the `upstream` option.
 *
 * Its root is the specs folder itself: that is where the catalog lives in the grouped view
 * of `nx graph` (rather than an output folder posing as a project folder). A spec file stays
 * its own project's, since Nx gives a file to the project with the longest matching root;
 * the catalog owns what no spec project does (the constitution, the seed CSVs). Editing the
 * constitution still affects every project, which all hold it as an input.
 */
export function buildCatalogProject(
  names: ReadonlyMap<string, string>,
  context: Omit<TargetContext, 'projectName' | 'specFile'> & { readonly constitutionFile: string },
  fingerprint?: string,
): ProjectConfiguration {
  const taken = new Set(names.values());
  const name = taken.has('catalog') ? 'specline-catalog' : 'catalog';
  return {
    root: context.options.specsDir,
    name,
    projectType: 'library',
    tags: ['kind:catalog'],
    namedInputs: {
      [SPECS_INPUT]: [`{workspaceRoot}/${context.options.specsDir}/**/*`],
      [SHARED_INPUT]: sharedNamedInput(context),
    },
    metadata: {
      description: `The whole catalog's review documents and catalog-wide code, from ${context.constitutionFile} and every spec.`,
      technologies: ['specline'],
    },
    targets: {
      export: buildExportTarget({ ...context, projectName: name, specFile: context.constitutionFile }, 'catalog'),
      codegen: buildCodegenTarget({ ...context, projectName: name, specFile: context.constitutionFile }, 'catalog', fingerprint),
      impact: buildImpactTarget({ ...context, projectName: name, specFile: context.constitutionFile }),
      [PRUNE_TARGET]: buildPruneTarget({ ...context, projectName: name, specFile: context.constitutionFile }),
    },
  };
}
