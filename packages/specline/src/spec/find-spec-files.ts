import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { SPEC_EXTENSIONS } from './read';
import { specSourceOf, type SpecSource } from './spec-source';

export interface FoundSpecFiles {
  /** Workspace-relative with forward slashes, sorted. */
  readonly files: readonly string[];
  /** A specs folder that is missing, or a folder in it that cannot be listed. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Lists the spec files under `specsDir`. Sorting makes every later pass independent of the
 * file system's listing order. A folder that cannot be listed is a diagnostic, never an
 * empty catalog: a mistyped specsDir or a permission problem must not read as "no specs".
 */
export async function findSpecFiles(from: string | SpecSource, specsDir = 'specs'): Promise<FoundSpecFiles> {
  const source = specSourceOf(from);
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = specsDir.replace(/\\/g, '/').replace(/\/+$/, '');
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await source.list(folder);
    } catch (error) {
      diagnostics.push(folderProblem(folder, folder === root, (error as NodeJS.ErrnoException).code ?? String(error)));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isFolder) await walk(child);
      // A symbolic link is listed (as a non-folder) so that reading it can refuse it when it leads out of the folder.
      else if (SPEC_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) found.push(child);
    }
  };
  await walk(root);
  return { files: found.sort(), diagnostics };
}

function folderProblem(folder: string, isSpecsDir: boolean, reason: string): Diagnostic {
  const missing = reason === 'ENOENT' || reason === 'ENOTDIR';
  return {
    code: isSpecsDir && missing ? 'FILE008' : 'FILE001',
    severity: 'error',
    location: { file: folder || '.', line: 1, column: 1 },
    pointer: '',
    message:
      isSpecsDir && missing
        ? `The specs folder "${folder}" does not exist.`
        : `The folder ${folder} cannot be listed (${reason}); the specs in it are not loaded.`,
    hint:
      isSpecsDir && missing
        ? 'Check the specsDir option of @specline/nx-plugin in nx.json, or run nx g @specline/nx-plugin:init.'
        : "Check the folder's permissions.",
  };
}
