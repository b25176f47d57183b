import type { Tree } from '@nx/devkit';

/** One .gitignore line, reduced to what decides whether it covers a folder. */
interface Rule {
  readonly negated: boolean;
  /** Relative to the workspace root when the pattern has a slash; else a name at any depth. */
  readonly anchored: boolean;
  /** `x/*` and `x/**` ignore what is inside x, not x itself (a negation below them still applies). */
  readonly inside: boolean;
  readonly pattern: string;
}

/**
 * Adds the plugin's output folder to the root .gitignore (creating the file if need be), so
 * generated code and documents stay out of commits. A rule that already covers it, the same
 * folder written another way or a parent folder, is left as the only one. Returns whether
 * .gitignore changed.
 */
export function ignoreOutputDir(tree: Tree, outputDir: string): boolean {
  // Neither a folder outside the workspace nor the workspace itself is ours to ignore.
  if (!outputDir || outputDir === '.' || /^([a-z]:)?\//i.test(outputDir) || outputDir.split('/').includes('..')) return false;
  const current = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  if (isIgnored(current, outputDir)) return false;
  const before = current === '' ? '' : current.endsWith('\n') ? `${current}\n` : `${current}\n\n`;
  tree.write('.gitignore', `${before}# Specline's generated code and documents (outputDir in nx.json)\n${outputDir}\n`);
  return true;
}

/**
 * Whether the rules ignore what `folder` holds, the way git decides it: a path is ignored when
 * the last rule matching it is not a negation, and once a folder is ignored nothing below it
 * can be re-included. So `build`, `build/` and `build/specline/**` all cover build/specline,
 * while `build/*` followed by `!build/specline` does not. Patterns with wildcards other than a
 * trailing `/*` or `/**` are not judged; at worst the entry is added beside them.
 */
export function isIgnored(gitignore: string, folder: string): boolean {
  const rules = gitignore
    .split(/\r?\n/)
    .map(parseRule)
    .filter((rule): rule is Rule => rule !== undefined);
  // A stand-in for any file in the folder, named so that no rule names it.
  const segments = [...folder.split('/'), '\0'];
  for (let depth = 1; depth <= segments.length; depth++) {
    const prefix = segments.slice(0, depth);
    let ignored = false;
    for (const rule of rules) if (matches(rule, prefix)) ignored = !rule.negated;
    if (ignored) return true;
  }
  return false;
}

function parseRule(line: string): Rule | undefined {
  let body = line.trim();
  if (body === '' || body.startsWith('#')) return undefined;
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  const inside = /\/\*\*?$/.test(body);
  body = body.replace(/\/\*\*?$/, '').replace(/\/+$/, '');
  // A leading `**/` matches at any depth; otherwise a slash before the end anchors the pattern.
  const anyDepth = body.startsWith('**/');
  if (anyDepth) body = body.slice(3);
  const anchored = !anyDepth && (inside || body.includes('/'));
  body = body.replace(/^\/+/, '');
  if (body === '' || /[*?[\\]/.test(body)) return undefined;
  return { negated, anchored, inside, pattern: body };
}

function matches(rule: Rule, prefix: readonly string[]): boolean {
  const target = rule.inside ? prefix.slice(0, -1) : prefix;
  const pattern = rule.pattern.split('/');
  if (rule.anchored) return target.join('/') === rule.pattern;
  return target.length >= pattern.length && target.slice(target.length - pattern.length).join('/') === rule.pattern;
}
