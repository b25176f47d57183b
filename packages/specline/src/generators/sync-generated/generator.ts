import { readNxJson, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from '@nx/devkit/internal';
import { formatDiagnostics } from '../../diagnostics';
import { generateCodeTrees } from '../../emitters';
import { normalizeOptions, type NormalizedOptions, type SpeclinePluginOptions } from '../../workspace/options';
import { PLUGIN_NAME } from '../shared/specs-dir';
import { loadTreeCatalog } from '../shared/tree-catalog';

/**
 * The drift gate for teams that commit generated code: a sync generator (registered on the
 * catalog's codegen target when the plugin option generatedDir is set) that makes that folder
 * hold exactly the trees codegen generates. Nx runs it for `nx sync`, which writes the
 * changes, and for `nx sync:check`, which fails listing them. It reads the specs from the
 * Tree, so it needs no earlier codegen run: a clean checkout is checked as it is.
 * https://nx.dev/concepts/sync-generators
 */
export default async function syncGeneratedGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const options = pluginOptionsOf(tree);
  if (!options?.generatedDir) return;
  const dir = options.generatedDir;
  const { catalog, diagnostics } = await loadTreeCatalog(tree, options.specsDir);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  // Specs that do not load generate no code: the folder cannot be judged, and stays as it is.
  if (!catalog || errors.length) throw new Error(`The specs have errors, so ${dir} cannot be regenerated:\n${formatDiagnostics(errors)}`);
  const code = generateCodeTrees(catalog);
  if (code.diagnostics.length) throw new Error(`codegen cannot generate every file of ${dir}:\n${formatDiagnostics(code.diagnostics)}`);

  const stale: string[] = [];
  const wanted = new Set<string>();
  for (const file of code.files) {
    const target = `${dir}/${file.path}`;
    wanted.add(target);
    if (tree.read(target, 'utf-8') === file.content) continue;
    stale.push(`${tree.exists(target) ? 'changed' : 'missing'}: ${target}`);
    tree.write(target, file.content);
  }
  for (const file of filesBelow(tree, dir)) {
    if (wanted.has(file)) continue;
    stale.push(`no longer generated: ${file}`);
    tree.delete(file);
  }
  if (!stale.length) return;
  return {
    outOfSyncMessage: `${stale.length} files in ${dir} differ from the code the specs generate. Run \`nx sync\` and commit ${dir}.`,
    outOfSyncDetails: stale.sort(),
  };
}

function pluginOptionsOf(tree: Tree): NormalizedOptions | undefined {
  for (const entry of readNxJson(tree)?.plugins ?? [])
    if (typeof entry === 'object' && entry.plugin === PLUGIN_NAME) return normalizeOptions(entry.options as SpeclinePluginOptions);
  return undefined;
}

function filesBelow(tree: Tree, dir: string): string[] {
  if (!tree.exists(dir)) return [];
  if (tree.isFile(dir)) return [dir];
  return tree.children(dir).flatMap((name) => filesBelow(tree, `${dir}/${name}`));
}
