import type { Tree } from '@nx/devkit';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from './example-catalog';

/** The repository's example catalog; generator tests build on it instead of on hand-made fixtures. */
export const EXAMPLE_SPECS = path.join(WORKSPACE_ROOT, 'specs');

/** Copies the example specs folder (or only the parts `keep` accepts) into a tree, for tests. */
export function copyExampleSpecs(tree: Tree, keep: (relative: string) => boolean = () => true, from = EXAMPLE_SPECS, relative = ''): void {
  for (const entry of readdirSync(path.join(from, relative)).sort()) {
    const child = relative ? `${relative}/${entry}` : entry;
    if (statSync(path.join(from, child)).isDirectory()) copyExampleSpecs(tree, keep, from, child);
    else if (keep(child)) tree.write(`specs/${child}`, readFileSync(path.join(from, child)));
  }
}
