import type { ExecutorContext } from '@nx/devkit';
import { loadSpecsFolder, type LoadedCatalog } from '../load';
import { specFilesNeededBy } from './catalog-scope';

const sessions = new Map<string, Promise<LoadedCatalog>>();

/** Per workspace root: which of the spec files this process's tasks need (see catalog-scope.ts). */
const scopes = new Map<string, (allSpecFiles: readonly string[]) => string[] | undefined>();

/**
 * Declares the projects whose tasks this process runs, so that the catalog it loads holds only
 * what those tasks can need. Called once by each executor entry point, batch or single: an Nx
 * executor process serves one invocation. Without it (as in tests), the whole catalog loads.
 */
export function runningTasksOf(context: ExecutorContext, projects: readonly string[]): void {
  scopes.set(context.root, (allSpecFiles) => specFilesNeededBy(context, projects, allSpecFiles));
  for (const key of sessions.keys()) if (key.startsWith(`${context.root}\0`)) sessions.delete(key);
}

/**
 * The catalog of a workspace, loaded once per process. In Nx batch mode one process runs
 * every task of a run, so the specs are read, checked and resolved once, not once per task.
 */
export function workspaceCatalog(workspaceRoot: string, specsDir: string): Promise<LoadedCatalog> {
  const key = `${workspaceRoot}\0${specsDir}`;
  let session = sessions.get(key);
  if (!session) {
    const scope = scopes.get(workspaceRoot);
    session = loadSpecsFolder(workspaceRoot, specsDir, scope);
    sessions.set(key, session);
  }
  return session;
}
