import { readdirSync, rmdirSync } from 'node:fs';
import * as path from 'node:path';

/** Every file below `dir`, relative to it (forward slashes), sorted; none when it is missing. */
export function listFiles(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])).sort();
}

/** Removes the empty folders below `dir`; returns whether `dir` itself is empty. */
export function removeEmptyFolders(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let empty = true;
  for (const entry of entries) {
    if (!entry.isDirectory() || !removeEmptyFolders(path.join(dir, entry.name)) || !removeFolderIfEmpty(path.join(dir, entry.name)))
      empty = false;
  }
  return empty;
}

/**
 * rmdir, not a recursive rm: another run may have written into the folder since it was found
 * empty, and its files must survive (ENOTEMPTY); one that removed it already is fine (ENOENT).
 */
export function removeFolderIfEmpty(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}
