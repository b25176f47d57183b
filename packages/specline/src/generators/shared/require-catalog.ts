import type { Tree } from '@nx/devkit';
import type { Catalog } from '../../catalog';
import { formatDiagnostics } from '../../diagnostics';
import { GeneratorError } from './generator-error';
import { loadTreeCatalog } from './tree-catalog';

/** The catalog the generators build on; without a constitution there are no rules to follow, so they stop early. */
export async function requireCatalog(tree: Tree, specsDir: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadTreeCatalog(tree, specsDir);
  if (!catalog) {
    const detail = diagnostics.length > 0 ? `\n${formatDiagnostics(diagnostics.filter((d) => d.severity === 'error'))}` : '';
    throw new GeneratorError(
      'missing-constitution',
      `No usable ${specsDir}/constitution.yaml in this workspace. Run \`nx g spec:init\` first, or fix it:${detail}`,
    );
  }
  // Generators apply the constitution's patterns and cleanups: a broken constitution (an
  // invalid regular expression, say) must be fixed first, not half-applied.
  const broken = diagnostics.filter((d) => d.severity === 'error' && d.location.file === catalog.constitution.file);
  if (broken.length > 0) {
    throw new GeneratorError(
      'missing-constitution',
      `${catalog.constitution.file} has errors; fix them first:\n${formatDiagnostics(broken)}`,
    );
  }
  return catalog;
}
