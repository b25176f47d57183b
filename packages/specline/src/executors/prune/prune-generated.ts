import type { ProjectGraph } from '@nx/devkit';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
// The path map alone: the emitters' index would load the SQL engine, seconds for a task that only lists files.
import { CODE_TREES } from '../../emitters/code-paths';
import { ownership, pruneUnowned } from '../../output';

const WORKSPACE_ROOT_TOKEN = '{workspaceRoot}/';

/**
 * Removes every file below <outputDir>'s platform trees, and every <project>/codegen folder,
 * that no codegen target of the project graph declares as its output. The graph is what Nx
 * caches and restores by, so a file kept here is one some task will keep up to date.
 */
export function pruneGenerated(workspaceRoot: string, outputDir: string, graph: ProjectGraph): string[] {
  const prefix = `${outputDir}/`;
  const outputs: string[] = [];
  for (const node of Object.values(graph.nodes)) {
    const codegen = node.data.targets?.codegen;
    if (!codegen?.executor?.endsWith(':codegen')) continue;
    for (const output of codegen.outputs ?? []) {
      const file = output.startsWith(WORKSPACE_ROOT_TOKEN) ? output.slice(WORKSPACE_ROOT_TOKEN.length) : undefined;
      if (file?.startsWith(prefix)) outputs.push(file.slice(prefix.length));
    }
  }
  // A declared output is a file or a folder; either way, what is at or below it is owned.
  const owned = ownership({ files: outputs, folders: outputs });
  const root = path.join(workspaceRoot, outputDir);
  const projectFolders = listFolders(root)
    .filter((name) => !(CODE_TREES as readonly string[]).includes(name) && listFolders(path.join(root, name)).includes('codegen'))
    .map((name) => `${name}/codegen`);
  return pruneUnowned(root, [...CODE_TREES, ...projectFolders], owned);
}

function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
