import { readNxJson, type Tree } from '@nx/devkit';
import { normalizeOptions, type SpeclinePluginOptions } from '../../workspace/options';

export const PLUGIN_NAME = '@specline/nx-plugin';

/** The specs folder the workspace's plugin registration names, so generators write where createNodes reads. */
export function specsDirOf(tree: Tree): string {
  const plugins = readNxJson(tree)?.plugins ?? [];
  for (const entry of plugins) {
    if (typeof entry === 'object' && entry.plugin === PLUGIN_NAME) return normalizeOptions(entry.options as SpeclinePluginOptions).specsDir;
  }
  return normalizeOptions(undefined).specsDir;
}
