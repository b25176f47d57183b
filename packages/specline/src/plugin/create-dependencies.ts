// Types only: a value import of @nx/devkit loads much of Nx (0.5 s when required on its own), on
// the critical path of the project graph, for one enum member.
import type { CreateDependencies, DependencyType, RawProjectGraphDependency } from '@nx/devkit';
import type { SpeclineProjectMetadata } from '../workspace/project-metadata';

/**
 * Lineage edges, as createNodes resolved them (see lineage-edges.ts): this hook only hands
 * them to Nx, so no file is read again. They are the only edges Specline adds: the graph is
 * the table-level lineage.
 *
 * The edges are `implicit`, i.e. carry no source file, on purpose. Nx looks a static edge's
 * source file up in the project's file list and, failing that, scans every workspace file
 * that belongs to no project, which is where a spec file lives (its project's root is the
 * file itself). At 10,000 specs those scans took 12–14 s of a graph computation. Nor are the
 * edges put in each project's `implicitDependencies`: Nx expands those as name patterns
 * against every project name, which is quadratic in the same way.
 */
export const createDependencies: CreateDependencies = (_options, context) => {
  const dependencies: RawProjectGraphDependency[] = [];
  for (const source of Object.keys(context.projects).sort()) {
    const meta = (context.projects[source].metadata as { specline?: SpeclineProjectMetadata } | undefined)?.specline;
    for (const target of meta?.dependsOn ?? []) {
      if (context.projects[target]) dependencies.push({ source, target, type: 'implicit' as DependencyType.implicit });
    }
  }
  return dependencies;
};
