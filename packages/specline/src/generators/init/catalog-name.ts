import type { Tree } from '@nx/devkit';
import * as path from 'node:path';
import { GeneratorError } from '../shared/generator-error';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The catalog's name: --name when given, else the workspace folder's name. An empty --name
 * counts as not given, because that is what pressing Enter at the prompt sends. The root
 * package.json name is not used: in Nx workspaces it is usually the scaffold's @org/source.
 */
export function catalogName(tree: Tree, given: string | undefined): string {
  const name = given?.trim();
  if (!name) return identifierFrom(path.basename(path.resolve(tree.root)));
  if (!IDENTIFIER.test(name))
    throw new GeneratorError('invalid-option', `--name: "${name}" must be a lower-case identifier, e.g. customer_360.`);
  return name;
}

/** A folder name as a catalog identifier: accents dropped, lower case, other runs of characters as `_`. */
export function identifierFrom(folder: string): string {
  const name = folder
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/_+$/, '');
  return IDENTIFIER.test(name) ? name : 'catalog';
}
