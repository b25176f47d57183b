import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SPEC_EXTENSIONS } from './read';

/**
 * Lists the spec files under `specsDir`, workspace-relative with forward slashes, sorted.
 * Sorting makes every later pass independent of the file system's listing order.
 */
export async function findSpecFiles(workspaceRoot: string, specsDir = 'specs'): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(path.join(workspaceRoot, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      // A symbolic link is listed so that reading it can refuse it when it leads out of the folder.
      else if ((entry.isFile() || entry.isSymbolicLink()) && SPEC_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
        found.push(child);
    }
  };
  await walk(specsDir.replace(/\\/g, '/').replace(/\/+$/, ''));
  return found.sort();
}
