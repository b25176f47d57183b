import { lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

/**
 * True when `file` (workspace-relative) is a symbolic link whose target lies outside the specs
 * folder: a spec must be a file the workspace's review covers, not a pointer at /etc or at
 * another repository. A link that stays inside the folder is read like any file.
 */
export function symlinkLeavesSpecsFolder(workspaceRoot: string, file: string, specsDir = file.split('/')[0]): boolean {
  const absolute = path.resolve(workspaceRoot, file);
  try {
    // A path that is not there at all is not a link: reading it reports FILE001.
    if (!lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) return false;
    const target = realpathSync(absolute);
    const folder = realpathSync(path.resolve(workspaceRoot, specsDir));
    return path.relative(folder, target).startsWith('..') || path.isAbsolute(path.relative(folder, target));
  } catch {
    // A dangling link, or a loop: nothing inside the folder to read.
    return true;
  }
}
