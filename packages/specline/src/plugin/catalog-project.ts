import type { ProjectConfiguration } from '@nx/devkit';
import { buildCodegenTarget, buildExportTarget, SHARED_INPUT, sharedNamedInput, type TargetContext } from './targets';

/**
 * The workspace-level `catalog` project, created from the constitution file. It carries the
 * catalog-wide `export` and `codegen`, which refuse while any spec has errors, so it depends
 * implicitly on every spec project (workflows and unreadable files included): a spec that
 * turns invalid must re-run it rather than replay a cached success.
 *
 * Its root is its own output folder, a path that holds no source file, rather than the
 * constitution file: Nx gives a file to the project whose root contains it, and the
 * constitution must stay unowned so that editing it affects every project, as it does now.
 */
export function buildCatalogProject(
  names: ReadonlyMap<string, string>,
  context: Omit<TargetContext, 'projectName' | 'specFile'> & { readonly constitutionFile: string },
  fingerprint?: string,
): ProjectConfiguration {
  const taken = new Set(names.values());
  const name = taken.has('catalog') ? 'specline-catalog' : 'catalog';
  const documented = [...names.values()];
  return {
    root: `${context.options.outputDir}/${name}`,
    name,
    projectType: 'library',
    tags: ['kind:catalog'],
    implicitDependencies: documented.sort(),
    namedInputs: { [SHARED_INPUT]: sharedNamedInput(context) },
    metadata: {
      description: `The whole catalog's review documents, from ${context.constitutionFile} and every spec.`,
      technologies: ['specline'],
    },
    targets: {
      export: buildExportTarget({ ...context, projectName: name, specFile: context.constitutionFile }, 'catalog'),
      codegen: buildCodegenTarget({ ...context, projectName: name, specFile: context.constitutionFile }, 'catalog', fingerprint),
    },
  };
}
