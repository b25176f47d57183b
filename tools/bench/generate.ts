import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { planCatalog } from './catalog-plan';
import { dataformFiles } from './dataform-files';
import { specFiles } from './spec-files';
import { writeWorkspace, type PluginChoice } from './workspace';

/** The three workspaces of one benchmark size, written side by side below `root`. */
export interface BenchWorkspaces {
  readonly specline: string;
  readonly trivial: string;
  readonly dataform: string;
}

/** Where generateWorkspaces writes the workspaces of one size. */
export function workspacesAt(root: string, specCount: number): BenchWorkspaces {
  return {
    specline: path.join(root, `n${specCount}-specline`),
    trivial: path.join(root, `n${specCount}-trivial`),
    dataform: path.join(root, `n${specCount}-dataform`),
  };
}

export function generateWorkspaces(root: string, specCount: number): BenchWorkspaces {
  const plan = planCatalog(specCount);
  const specs = specFiles(plan);
  const dirs = workspacesAt(root, specCount);
  for (const plugin of ['specline', 'trivial'] as PluginChoice[]) writeWorkspace(dirs[plugin], specs, plugin);
  writeDataformProject(dirs.dataform, plan);
  return dirs;
}

/**
 * The same catalog with a constitution that asks for Dataform only: Specline doing exactly the
 * work `dataform compile` does (plus validation and review documents), written beside the others.
 */
export function generateDataformOnlyWorkspace(root: string, specCount: number): string {
  const dir = path.join(root, `n${specCount}-specline-dataform-only`);
  writeWorkspace(dir, specFiles(planCatalog(specCount), ['dataform']), 'specline');
  return dir;
}

function writeDataformProject(dir: string, plan: ReturnType<typeof planCatalog>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of dataformFiles(plan)) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  // The CLI loads @dataform/core from the project's own node_modules (see emitters/platform-checks.spec.ts).
  cpSync(path.join(__dirname, '../../node_modules/@dataform/core'), path.join(dir, 'node_modules/@dataform/core'), { recursive: true });
}

if (require.main === module) {
  const [root, ...sizes] = process.argv.slice(2);
  if (!root || sizes.length === 0) {
    console.error('usage: node -r @swc-node/register tools/bench/generate.ts <output-dir> <N>...');
    process.exit(2);
  }
  for (const size of sizes) console.log(JSON.stringify(generateWorkspaces(path.resolve(root), Number(size))));
}
