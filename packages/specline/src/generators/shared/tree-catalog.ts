import type { Tree } from '@nx/devkit';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadCatalog, type LoadedCatalog } from '../../load';
import { findSpecFiles } from '../../spec';

/**
 * Loads the catalog as the tree holds it, pending generator changes included. The loader
 * reads from disk (it needs positions for diagnostics), so the specs folder is copied to a
 * temporary directory that is removed afterwards; nothing in the workspace is touched,
 * which keeps --dry-run honest.
 */
export async function loadTreeCatalog(tree: Tree, specsDir: string): Promise<LoadedCatalog> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'specline-gen-'));
  try {
    copyTreeFolder(tree, specsDir, scratch);
    return await loadCatalog(scratch, await findSpecFiles(scratch, specsDir));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function copyTreeFolder(tree: Tree, folder: string, root: string): void {
  for (const child of tree.children(folder)) {
    const relative = `${folder}/${child}`;
    if (tree.isFile(relative)) {
      mkdirSync(path.join(root, folder), { recursive: true });
      writeFileSync(path.join(root, relative), tree.read(relative) ?? Buffer.alloc(0));
    } else {
      copyTreeFolder(tree, relative, root);
    }
  }
}
