import type { Tree } from '@nx/devkit';
import { assertSpecsValidate } from './assert-specs-validate';
import { writeFilesGuarded } from './guarded-write';

/**
 * Writes the files, validates the catalog with them in place, and puts the tree back exactly
 * as it was if validation fails, so a refused run leaves no trace even for callers that
 * keep using the tree (tests, composed generators).
 */
export async function writeValidatedSpecs(tree: Tree, specsDir: string, files: ReadonlyMap<string, string>, force: boolean): Promise<void> {
  const previous = new Map([...files.keys()].map((file) => [file, tree.exists(file) ? tree.read(file) : null]));
  writeFilesGuarded(tree, files, force);
  try {
    await assertSpecsValidate(
      tree,
      specsDir,
      [...files.keys()].filter((f) => /\.(ya?ml|json)$/.test(f)),
    );
  } catch (error) {
    for (const [file, content] of previous) {
      if (content === null) tree.delete(file);
      else tree.write(file, content);
    }
    throw error;
  }
}
