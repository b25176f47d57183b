import type { ExecutorContext } from '@nx/devkit';
import type { SpeclineProjectMetadata } from '../workspace/project-metadata';
import { isPlaceholderProjectName } from '../workspace/project-names';

/**
 * The spec projects a set of tasks can need, so that a process loads and resolves only those
 * instead of the whole catalog: after a one-spec edit in a 10,000-spec workspace, the few
 * tasks that run should not each pay for parsing every spec.
 *
 * That is the tasks' own projects; everything upstream of them in the project graph (the
 * datasets they read and the glossaries they bind terms to); what their relationships tests
 * look values up in, with its upstream; and every glossary. The constitution is not a project
 * and is always loaded (see workspace-catalog.ts).
 *
 * `undefined` means the whole catalog: a workspace-level task, or a project the plugin could
 * not describe (an unreadable spec, or one repeating another's name, whose validate must see
 * the spec it collides with).
 */
export function projectsNeededBy(context: ExecutorContext, projects: readonly string[]): ReadonlySet<string> | undefined {
  const graph = context.projectGraph;
  if (!graph) return undefined;
  const needed = new Set<string>();
  const pending = [...projects];
  for (const [name, node] of Object.entries(graph.nodes)) if (node.data.tags?.includes('kind:glossary')) pending.push(name);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (needed.has(name)) continue;
    const node = graph.nodes[name];
    const kind = node?.data.tags?.find((tag) => tag.startsWith('kind:'));
    if (!node || isPlaceholderProjectName(name) || !['kind:source', 'kind:model', 'kind:glossary', 'kind:workflow'].includes(kind ?? ''))
      return undefined;
    needed.add(name);
    for (const dependency of graph.dependencies[name] ?? []) if (graph.nodes[dependency.target]) pending.push(dependency.target);
    const specline = (node.data.metadata as { specline?: SpeclineProjectMetadata } | undefined)?.specline;
    pending.push(...(specline?.lookups ?? []));
  }
  return needed;
}

/**
 * The spec files to load for those projects: theirs, and every spec file that belongs to no
 * spec project (the constitution). `undefined` stays the whole catalog.
 */
export function specFilesNeededBy(
  context: ExecutorContext,
  projects: readonly string[],
  allSpecFiles: readonly string[],
): string[] | undefined {
  const needed = projectsNeededBy(context, projects);
  const graph = context.projectGraph;
  if (!needed || !graph) return undefined;
  const projectRoots = new Set(Object.values(graph.nodes).map((node) => node.data.root));
  const neededRoots = new Set([...needed].map((name) => graph.nodes[name].data.root));
  return allSpecFiles.filter((file) => neededRoots.has(file) || !projectRoots.has(file));
}
