import type { Tree } from '@nx/devkit';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { dbtFilesFromManifest } from '../../importers';
import { asOptionError, GeneratorError } from '../shared/generator-error';
import { readInputFile } from '../shared/input-file';

/** Files beyond this count are not a dbt project a person wrote; stop rather than read a disk. */
const MAX_FILES = 5000;

/**
 * The files of a dbt project folder that the import reads, or of its manifest.json (dbt_project.yml, and the .sql and
 * .yml files under models/), by path relative to the folder. A folder inside the workspace is
 * read through the tree, one outside from disk; `name` is what the specs record: the
 * workspace-relative path, or the folder's name when it is outside.
 */
export function readDbtFolder(tree: Tree, given: string): { files: Map<string, string>; name: string } {
  const root = path.resolve(tree.root);
  const absolute = path.resolve(root, given.replace(/^~(?=\/|$)/, homedir()));
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  if (/\.json$/i.test(given)) {
    const manifest = readInputFile(tree, given, '--dbt');
    return { files: asOptionError(() => dbtFilesFromManifest(manifest.text, given)), name: manifest.name };
  }
  const files = new Map<string, string>();
  const walk = (list: (dir: string) => { name: string; isFolder: boolean }[], read: (file: string) => string, dir: string) => {
    for (const entry of list(dir).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = dir ? `${dir}/${entry.name}` : entry.name;
      if (files.size >= MAX_FILES)
        throw new GeneratorError('invalid-option', `--dbt: ${given} holds more than ${MAX_FILES} files under models/.`);
      if (entry.isFolder) walk(list, read, child);
      else if (/\.(sql|ya?ml)$/i.test(entry.name)) files.set(child, read(child));
    }
  };
  if (inside && tree.exists(`${relative}/dbt_project.yml`)) {
    const list = (dir: string) =>
      tree.exists(`${relative}/${dir}`)
        ? tree.children(`${relative}/${dir}`).map((name) => ({ name, isFolder: !tree.isFile(`${relative}/${dir}/${name}`) }))
        : [];
    walk(list, (file) => tree.read(`${relative}/${file}`, 'utf-8') ?? '', 'models');
    return { files, name: relative };
  }
  if (!existsSync(path.join(absolute, 'dbt_project.yml')))
    throw new GeneratorError('invalid-option', `--dbt: ${absolute} is not a dbt project folder (it has no dbt_project.yml).`);
  const list = (dir: string) =>
    existsSync(path.join(absolute, dir))
      ? readdirSync(path.join(absolute, dir)).map((name) => ({ name, isFolder: statSync(path.join(absolute, dir, name)).isDirectory() }))
      : [];
  walk(list, (file) => readFileSync(path.join(absolute, file), 'utf8'), 'models');
  return { files, name: inside ? relative : path.basename(absolute) };
}
