import type { ExecutorContext } from '@nx/devkit';

/** A spec project's root is its spec file (see plugin/create-nodes). */
export function specFileOf(context: ExecutorContext, projectName: string): string {
  const project = context.projectsConfigurations?.projects[projectName] ?? context.projectGraph?.nodes[projectName]?.data;
  if (!project?.root) throw new Error(`specline: the project "${projectName}" has no spec file; is it a Specline project?`);
  return project.root;
}
