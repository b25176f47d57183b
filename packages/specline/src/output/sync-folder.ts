import { rmSync } from 'node:fs';
import * as path from 'node:path';
import type { OutputFile } from './output-file';
import { isInFlightTemporary } from './temporary-file';
import { writeFileIfChanged } from './write-file-if-changed';
import { listFiles, removeEmptyFolders } from './folder-walk';

export interface FolderSync {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Makes `dir` hold exactly `files`, except below the `kept` sub-folders, which stay as they
 * are (a platform that failed keeps its last good code). Stale files are removed, so the
 * folder, and Nx's cached copy of it, depends on the specs alone. Another live run's temporary
 * files are not stale: removing them would fail its rename.
 */
export function syncFolder(dir: string, files: readonly OutputFile[], kept: readonly string[] = []): FolderSync {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) (writeFileIfChanged(path.join(dir, file.path), file.content) ? written : unchanged).push(file.path);
  const wanted = new Set(files.map((file) => file.path));
  const isKept = (relative: string) => kept.some((folder) => relative === folder || relative.startsWith(`${folder}/`));
  const removed = listFiles(dir).filter((relative) => !wanted.has(relative) && !isKept(relative) && !isInFlightTemporary(relative));
  for (const relative of removed) rmSync(path.join(dir, relative), { force: true });
  removeEmptyFolders(dir);
  return { written, unchanged, removed };
}

export function describeSync(sync: FolderSync): string {
  return `${sync.written.length} written, ${sync.unchanged.length} unchanged${sync.removed.length ? `, ${sync.removed.length} stale removed` : ''}`;
}
