import type { Tree } from '@nx/devkit';
import { GeneratorError } from './generator-error';

/**
 * Writes every file or none: when any target exists with different content and `force` is
 * off, it throws before touching the tree. Identical content is a no-op, so re-running a
 * generator with the same options is harmless.
 */
export function writeFilesGuarded(tree: Tree, files: ReadonlyMap<string, string>, force: boolean): void {
  const clashes = [...files].filter(([file, content]) => tree.exists(file) && tree.read(file, 'utf-8') !== content).map(([file]) => file);
  if (clashes.length > 0 && !force) {
    throw new GeneratorError(
      'file-exists',
      `Refusing to overwrite ${clashes.join(', ')}: ${clashes.length === 1 ? 'it exists' : 'they exist'} with different content. Nothing was written. Re-run with --force to replace, or choose another name.`,
    );
  }
  for (const [file, content] of files) if (!tree.exists(file) || tree.read(file, 'utf-8') !== content) tree.write(file, content);
}
