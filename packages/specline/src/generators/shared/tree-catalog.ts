import type { Tree } from '@nx/devkit';
import { loadSpecsFolder, type LoadedCatalog } from '../../load';
import type { SpecSource } from '../../spec';
import { keepWasmOnBaselineCompiler } from '../../sql';

/**
 * Loads the catalog as the tree holds it, pending generator changes included, through the
 * same loader the executors use: nothing is copied and nothing in the workspace is touched,
 * which keeps --dry-run honest.
 */
export function loadTreeCatalog(tree: Tree, specsDir: string): Promise<LoadedCatalog> {
  // A generator parses the catalog's fragments once: V8's optimising recompilation of the SQL
  // parser would cost it seconds and half its memory (see keepWasmOnBaselineCompiler).
  keepWasmOnBaselineCompiler();
  return loadSpecsFolder(treeSource(tree), specsDir);
}

/** An Nx Tree as a spec source. The Tree reports a missing path as null, not as an error. */
export function treeSource(tree: Tree): SpecSource {
  const missing = (file: string) => Object.assign(new Error(`${file} does not exist`), { code: 'ENOENT' });
  return {
    list: async (folder) => {
      if (!tree.exists(folder)) throw missing(folder);
      if (tree.isFile(folder)) throw Object.assign(new Error(`${folder} is a file`), { code: 'ENOTDIR' });
      return tree.children(folder).map((name) => ({ name, isFolder: !tree.isFile(`${folder}/${name}`) }));
    },
    sizeOf: async (file) => {
      if (!tree.exists(file)) throw missing(file);
      return tree.isFile(file) ? (tree.read(file)?.length ?? 0) : undefined;
    },
    read: async (file) => {
      const content = tree.read(file);
      if (content === null) throw missing(file);
      return content;
    },
    exists: (file) => tree.exists(file),
    // A Tree holds file contents, never links.
    linksOutside: () => false,
  };
}
