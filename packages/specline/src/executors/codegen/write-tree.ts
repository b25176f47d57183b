import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../emitters';

export interface TreeWrite {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Makes `dir` hold exactly `files`, except below the `kept` folders, which are left as they
 * are (a platform that failed keeps its last good code). A file is written only when its
 * bytes change, through a temporary file and a rename; stale files are removed so the folder,
 * and Nx's cached copy of it, depends on the specs alone.
 */
export function writeTree(dir: string, files: readonly GeneratedFile[], kept: readonly string[] = []): TreeWrite {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (sameContent(target, file.content)) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
    written.push(file.path);
  }
  const wanted = new Set(files.map((file) => file.path));
  const isKept = (relative: string) => kept.some((folder) => relative === folder || relative.startsWith(`${folder}/`));
  const removed = listFiles(dir).filter((relative) => !wanted.has(relative) && !isKept(relative));
  for (const relative of removed) rmSync(path.join(dir, relative), { force: true });
  removeEmptyFolders(dir);
  return { written, unchanged, removed };
}

function sameContent(file: string, content: string): boolean {
  try {
    return readFileSync(file, 'utf8') === content;
  } catch {
    return false;
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])).sort();
}

function removeEmptyFolders(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let empty = true;
  for (const entry of entries) {
    if (!entry.isDirectory() || !removeEmptyFolders(path.join(dir, entry.name))) empty = false;
    else rmSync(path.join(dir, entry.name), { recursive: true, force: true });
  }
  return empty;
}
