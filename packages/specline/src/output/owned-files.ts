import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { listFiles, removeEmptyFolders, removeFolderIfEmpty } from './folder-walk';
import type { OutputFile } from './output-file';
import type { FolderSync } from './sync-folder';
import { isInFlightTemporary } from './temporary-file';
import { writeFileIfChanged } from './write-file-if-changed';

/**
 * What one writer owns in a folder it shares with others: exact files, and folders whose every
 * file is its own. Paths are relative to the shared folder, with forward slashes.
 */
export interface OwnedPaths {
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/** Whether a path is covered by `owned`, in constant time per folder level (a catalog owns tens of thousands). */
export function ownership(owned: OwnedPaths): (relative: string) => boolean {
  const files = new Set(owned.files);
  const folders = new Set(owned.folders);
  return (relative) => {
    if (files.has(relative)) return true;
    for (let folder = path.posix.dirname(relative); folder !== '.'; folder = path.posix.dirname(folder))
      if (folders.has(folder)) return true;
    return false;
  };
}

/**
 * Writes `files` below `root` and removes whatever `owned` covers that `files` no longer holds,
 * except below the `kept` folders (a platform that failed keeps its last good code). Nothing
 * else in `root` is touched: other writers own it.
 */
export function syncOwnedFiles(root: string, files: readonly OutputFile[], owned: OwnedPaths, kept: readonly string[] = []): FolderSync {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) (writeFileIfChanged(path.join(root, file.path), file.content) ? written : unchanged).push(file.path);
  const wanted = new Set(files.map((file) => file.path));
  const isKept = (relative: string) => kept.some((folder) => relative === folder || relative.startsWith(`${folder}/`));
  const present = [
    ...owned.files.filter((file) => existsSync(path.join(root, file))),
    ...owned.folders.flatMap((folder) => listFiles(path.join(root, folder)).map((file) => `${folder}/${file}`)),
  ];
  const removed = present.filter((relative) => !wanted.has(relative) && !isKept(relative) && !isInFlightTemporary(relative)).sort();
  for (const relative of removed) {
    rmSync(path.join(root, relative), { force: true });
    removeEmptyParents(root, relative);
  }
  return { written, unchanged, removed };
}

/**
 * Removes every file below `root`/<tree> that no writer owns: the files of a spec that was
 * deleted or renamed, or of a platform it no longer targets. Another live run's temporary
 * files are left alone. Returns the removed paths.
 */
export function pruneUnowned(root: string, trees: readonly string[], owned: (relative: string) => boolean): string[] {
  const removed: string[] = [];
  for (const tree of trees) {
    for (const file of listFiles(path.join(root, tree))) {
      const relative = `${tree}/${file}`;
      if (owned(relative) || isInFlightTemporary(relative)) continue;
      rmSync(path.join(root, relative), { force: true });
      removed.push(relative);
    }
    if (removeEmptyFolders(path.join(root, tree))) removeEmptyParents(root, `${tree}/.`);
  }
  return removed;
}

function removeEmptyParents(root: string, relative: string): void {
  for (let folder = path.posix.dirname(relative); folder !== '.'; folder = path.posix.dirname(folder)) {
    if (!removeFolderIfEmpty(path.join(root, folder))) return;
  }
}
