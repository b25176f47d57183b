import type { Tree } from '@nx/devkit';
import { GeneratorError } from './generator-error';

/** Reads an input file named by an option, workspace-relative; a missing file is an option error, not a crash. */
export function readWorkspaceFile(tree: Tree, file: string, flag: string): string {
  const relative = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!tree.exists(relative) || !tree.isFile(relative)) {
    throw new GeneratorError('invalid-option', `${flag}: ${file} does not exist (paths are relative to the workspace root, ${tree.root}).`);
  }
  return tree.read(relative, 'utf-8') ?? '';
}
