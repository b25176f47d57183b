import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { symlinkLeavesSpecsFolder } from './read/symlink-escape';

/** What one entry of a specs folder is. */
export interface SpecEntry {
  readonly name: string;
  readonly isFolder: boolean;
}

/**
 * Where specs are read from: the workspace on disk (executors, tests) or an Nx Tree with a
 * generator's pending changes (generators). Paths are workspace-relative with forward
 * slashes, as diagnostics show them. Every method throws a Node errno-style error
 * (`code` set, e.g. ENOENT or EACCES) when the path cannot be read; callers turn that into
 * a diagnostic.
 */
export interface SpecSource {
  /** The entries of a folder, in any order. */
  list(folder: string): Promise<readonly SpecEntry[]>;
  /** The file's size in bytes, or undefined when the path is not a regular file. */
  sizeOf(file: string): Promise<number | undefined>;
  read(file: string): Promise<Uint8Array>;
  exists(file: string): boolean;
  /** Whether the file is a symbolic link leading outside `specsDir` (or dangling): such a spec is refused. */
  linksOutside(file: string, specsDir?: string): boolean;
}

/** The workspace on disk. */
export function diskSource(workspaceRoot: string): SpecSource {
  const at = (file: string) => path.resolve(workspaceRoot, file);
  return {
    list: async (folder) =>
      (await fs.readdir(at(folder), { withFileTypes: true })).map((e) => ({ name: e.name, isFolder: e.isDirectory() })),
    sizeOf: async (file) => {
      const stat = await fs.stat(at(file));
      return stat.isFile() ? stat.size : undefined;
    },
    read: (file) => fs.readFile(at(file)),
    exists: (file) => existsSync(at(file)),
    linksOutside: (file, specsDir) => symlinkLeavesSpecsFolder(workspaceRoot, file, specsDir),
  };
}

/** A path or a source: the loader's entry points take either, most callers have a path. */
export function specSourceOf(from: string | SpecSource): SpecSource {
  return typeof from === 'string' ? diskSource(from) : from;
}
