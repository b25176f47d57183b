import * as path from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { workspaceRoot as nxWorkspaceRoot } from '@nx/devkit';
import { workspaceDataDirectory } from '@nx/devkit/internal';
import { specFilesNeededBy } from './catalog-scope';
import { keepTranslations, loadWorkspaceCatalog, type WorkspaceCatalog } from './catalog-snapshot';

const sessions = new Map<string, Promise<WorkspaceCatalog>>();

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
 * every task of an executor, so the specs are read, checked and resolved once, not once per
 * task; the next batch's process reads the snapshot this one left (catalog-snapshot.ts).
 */
export function workspaceCatalog(workspaceRoot: string, specsDir: string): Promise<WorkspaceCatalog> {
  const key = `${workspaceRoot}\0${specsDir}`;
  let session = sessions.get(key);
  if (!session) {
    const scope = scopes.get(workspaceRoot);
    session = loadWorkspaceCatalog(workspaceRoot, specsDir, scope, snapshotDirOf(workspaceRoot));
    sessions.set(key, session);
  }
  return session;
}

/** Nx's workspace data folder (.nx/workspace-data unless configured), or that of another root a test names. */
function snapshotDirOf(workspaceRoot: string): string {
  const data =
    path.resolve(workspaceRoot) === path.resolve(nxWorkspaceRoot)
      ? workspaceDataDirectory
      : path.join(workspaceRoot, '.nx', 'workspace-data');
  return path.join(data, 'specline-catalog');
}

/** After a batch: leaves this process's translations for the next one (catalog-snapshot.ts). */
export function batchFinished(workspaceRoot: string): void {
  if (sessions.size > 0) keepTranslations(snapshotDirOf(workspaceRoot));
}
