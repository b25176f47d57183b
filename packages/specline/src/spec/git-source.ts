import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { SPEC_EXTENSIONS } from './read';
import type { SpecSource } from './spec-source';

/** A git revision that cannot be read: impact analysis reports it as one line, not a stack trace. */
export class GitRevisionError extends Error {}

interface TreeEntry {
  readonly mode: string;
  readonly oid: string;
  readonly size: number;
}

/** How many links a path may go through before it counts as a loop. */
const MAX_LINK_HOPS = 8;

/**
 * The specs folder as a git revision holds it, read from git's objects (no checkout, no
 * temporary folder): what `nx run catalog:impact --base=<ref>` loads the base catalog from.
 * The folder's tree is listed once and its spec files read in one `git cat-file --batch`;
 * any other path (a seed CSV outside the folder) is looked up when asked. A symbolic link is
 * followed inside the revision, and refused when it leads out of the specs folder, as on disk.
 */
export function gitSpecSource(workspaceRoot: string, revision: string, specsDir: string): SpecSource {
  const git = (args: readonly string[], input?: string): Buffer =>
    execFileSync('git', ['-C', workspaceRoot, ...args], {
      input,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  let commit: string;
  let prefix: string;
  try {
    prefix = git(['rev-parse', '--show-prefix']).toString('utf8').trim();
    commit = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new GitRevisionError(
      `"${revision}" is not a commit of the git repository at ${workspaceRoot}; name a branch, tag or commit (git log shows them).`,
    );
  }
  const root = specsDir.replace(/\\/g, '/').replace(/\/+$/, '');
  const entries = new Map<string, TreeEntry>();
  const folders = new Map<string, Set<string>>([[root, new Set()]]);
  const listing = git(['ls-tree', '-r', '-z', '--long', '--full-tree', commit, '--', `${prefix}${root}`]).toString('utf8');
  for (const line of listing.split('\0').filter(Boolean)) {
    const [meta, fullPath] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    const [mode, type, oid, size] = meta.split(/\s+/);
    if (type !== 'blob') continue;
    const file = fullPath.slice(prefix.length);
    entries.set(file, { mode, oid, size: Number(size) });
    // Every folder on the way down lists its child.
    for (
      let child = file, parent = path.posix.dirname(file);
      child !== root && parent !== '.';
      child = parent, parent = path.posix.dirname(parent)
    ) {
      const children = folders.get(parent) ?? new Set<string>();
      children.add(path.posix.basename(child));
      folders.set(parent, children);
    }
  }
  const wanted = [...entries].filter(
    ([file, entry]) => entry.mode === '120000' || SPEC_EXTENSIONS.includes(path.posix.extname(file).toLowerCase()),
  );
  const contents = readBlobs(
    wanted.map(([, entry]) => entry.oid),
    (input) => git(['cat-file', '--batch'], input),
  );

  /** The regular file a path names, following links; undefined when it leads nowhere inside the folder. */
  const resolve = (file: string): string | undefined => {
    let current = file;
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
      const entry = entries.get(current);
      if (!entry) return undefined;
      if (entry.mode !== '120000') return current;
      current = path.posix.normalize(path.posix.join(path.posix.dirname(current), contents.get(entry.oid)!.toString('utf8')));
    }
    return undefined;
  };
  const missing = (file: string) => Object.assign(new Error(`ENOENT: ${file} is not in ${revision}`), { code: 'ENOENT' });

  return {
    list: async (folder) => {
      const children = folders.get(folder);
      if (!children) throw missing(folder);
      return [...children].map((name) => ({ name, isFolder: folders.has(`${folder}/${name}`) }));
    },
    sizeOf: async (file) => {
      if (folders.has(file)) return undefined;
      const target = resolve(file);
      if (!target) throw missing(file);
      return entries.get(target)!.size;
    },
    read: async (file) => {
      const target = resolve(file);
      const content = target && contents.get(entries.get(target)!.oid);
      if (!content) throw missing(file);
      return content;
    },
    exists: (file) => {
      if (entries.has(file) || folders.has(file)) return true;
      if (file === root || file.startsWith(`${root}/`)) return false;
      try {
        git(['cat-file', '-e', `${commit}:${prefix}${file}`]);
        return true;
      } catch {
        return false;
      }
    },
    linksOutside: (file, bound = file.split('/')[0]) => {
      if (entries.get(file)?.mode !== '120000') return false;
      const target = resolve(file);
      return target === undefined || !target.startsWith(`${bound.replace(/\/+$/, '')}/`);
    },
  };
}

/** `git cat-file --batch` output: per object a `<oid> blob <size>` line, the content, a newline. */
function readBlobs(oids: readonly string[], catFile: (input: string) => Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const output = catFile(`${unique.join('\n')}\n`);
  let at = 0;
  while (at < output.length) {
    const headerEnd = output.indexOf(0x0a, at);
    const [oid, , size] = output.subarray(at, headerEnd).toString('utf8').split(' ');
    const start = headerEnd + 1;
    blobs.set(oid, output.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return blobs;
}
