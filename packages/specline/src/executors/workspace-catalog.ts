import { loadCatalog, type LoadedCatalog } from '../catalog';
import { findSpecFiles } from '../spec';

const sessions = new Map<string, Promise<LoadedCatalog>>();

/**
 * The catalog of a workspace, loaded once per process. In Nx batch mode one process runs
 * every task of a run, so the specs are read, checked and resolved once, not once per task.
 */
export function workspaceCatalog(workspaceRoot: string, specsDir: string): Promise<LoadedCatalog> {
  const key = `${workspaceRoot}\0${specsDir}`;
  let session = sessions.get(key);
  if (!session) {
    session = findSpecFiles(workspaceRoot, specsDir).then((files) => loadCatalog(workspaceRoot, files));
    sessions.set(key, session);
  }
  return session;
}
