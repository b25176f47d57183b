import type { Tree } from '@nx/devkit';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { GeneratorError } from './generator-error';

/** An input file named by an option (--ddl, --csv, --input), read. */
export interface InputFile {
  readonly text: string;
  /**
   * The name generated files may record: the workspace-relative path for a file inside the
   * workspace, else only the base name. Specs must come out the same wherever the command
   * ran, and must not carry a local folder (a home directory holds the user's name).
   */
  readonly name: string;
}

const ACCEPTED = 'A path may be absolute, relative to the current folder, or start with ~/.';

/**
 * Reads the file an option names, taking the paths a shell gives: absolute, `~/...`, or
 * relative to the folder the command ran in, falling back to the workspace root (the only
 * form accepted before, so existing commands keep working). A file inside the workspace is
 * read through the tree, so dry runs and in-memory trees see pending changes; one outside is
 * read from disk and only what the generator makes of it is written. Every failure is an
 * option error naming the flag and the path as resolved.
 */
export function readInputFile(tree: Tree, file: string, flag: string): InputFile {
  const root = path.resolve(tree.root);
  const candidates = candidatePaths(root, file);
  for (const absolute of candidates) {
    const found = isInside(root, absolute) ? readFromTree(tree, root, absolute, flag) : readFromDisk(absolute, flag);
    if (found) return found;
  }
  const [first, ...others] = candidates;
  const also = others.length > 0 ? ` (nor does ${others.join(', ')})` : '';
  throw new GeneratorError('invalid-option', `${flag}: ${first} does not exist${also}. ${ACCEPTED}`);
}

/** The absolute paths `file` may mean, most specific first. */
function candidatePaths(root: string, file: string): string[] {
  // Backslashes were always accepted as separators; keep that on every platform.
  const expanded = file.replace(/\\/g, '/').replace(/^~(?=\/|$)/, homedir());
  if (path.isAbsolute(expanded)) return [path.resolve(expanded)];
  const from = invocationDir(root);
  return [...new Set([from, root].filter((dir): dir is string => dir !== undefined).map((dir) => path.resolve(dir, expanded)))];
}

/**
 * The folder the user ran the command in. `npm run` moves the process to the package root
 * and keeps that folder in INIT_CWD, which Nx reads the same way. A folder outside the
 * workspace is no folder the user pointed from (a test or a programmatic call), so then only
 * the workspace root applies.
 */
function invocationDir(root: string): string | undefined {
  return [process.env['INIT_CWD'], process.cwd()]
    .filter((dir): dir is string => !!dir)
    .map((dir) => path.resolve(dir))
    .find((dir) => isInside(root, dir));
}

function isInside(root: string, absolute: string): boolean {
  const relative = path.relative(root, absolute);
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

/** Undefined when there is no such file, so the next candidate is tried. */
function readFromTree(tree: Tree, root: string, absolute: string, flag: string): InputFile | undefined {
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  if (relative === '' || (tree.exists(relative) && !tree.isFile(relative))) throw folderError(flag, absolute);
  if (!tree.exists(relative)) return undefined;
  const text = tree.read(relative, 'utf-8');
  if (text === null)
    throw new GeneratorError('invalid-option', `${flag}: ${absolute} exists but could not be read; check its permissions.`);
  return { text, name: relative };
}

function readFromDisk(absolute: string, flag: string): InputFile | undefined {
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw unreadable(flag, absolute, error);
  }
  if (stats.isDirectory()) throw folderError(flag, absolute);
  try {
    return { text: readFileSync(absolute, 'utf-8'), name: path.basename(absolute) };
  } catch (error) {
    throw unreadable(flag, absolute, error);
  }
}

function folderError(flag: string, absolute: string): GeneratorError {
  return new GeneratorError('invalid-option', `${flag}: ${absolute} is a folder; name the file in it. ${ACCEPTED}`);
}

function unreadable(flag: string, absolute: string, error: unknown): GeneratorError {
  const { code, message } = error as NodeJS.ErrnoException;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? message);
  return new GeneratorError('invalid-option', `${flag}: ${absolute} could not be read (${why}).`);
}
