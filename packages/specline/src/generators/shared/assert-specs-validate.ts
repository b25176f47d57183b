import type { Tree } from '@nx/devkit';
import { formatDiagnostics } from '../../diagnostics';
import { GeneratorError } from './generator-error';
import { loadTreeCatalog } from './tree-catalog';

/**
 * The guarantee that generated specs always validate: load the whole catalog as the tree
 * now holds it and fail on any error in a file this run wrote, or that points back at one (a
 * duplicate name is reported on whichever file sorts later, which may be the user's).
 * Errors elsewhere are the user's existing problems and are not ours to block on.
 */
export async function assertSpecsValidate(tree: Tree, specsDir: string, written: readonly string[]): Promise<void> {
  const { diagnostics } = await loadTreeCatalog(tree, specsDir);
  const ours = new Set(written);
  const errors = diagnostics.filter(
    (d) => d.severity === 'error' && (ours.has(d.location.file) || (d.related ?? []).some((place) => ours.has(place.file))),
  );
  if (errors.length > 0) {
    throw new GeneratorError(
      'invalid-spec',
      `The generated spec would not validate, so nothing was written:\n${formatDiagnostics(errors)}\nFix the options above (or the constitution they are checked against) and run again.`,
    );
  }
}
