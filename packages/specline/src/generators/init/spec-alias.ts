import { logger, readJson, writeJson, type Tree } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_NAME } from '../shared/specs-dir';
import { ownVersion } from './own-version';

const ALIAS = 'spec';
const LONG_FORM = `nx g ${PLUGIN_NAME}:table`;

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * `nx g spec:table` resolves the collection `spec` as a package of that name. An npm alias
 * in the root package.json (`"spec": "npm:@specline/nx-plugin@..."`) installs this plugin
 * under that name with npm, pnpm, yarn and bun alike, so the short form needs no link step
 * of ours. A `spec` that is something else (there is an unrelated npm package of that name)
 * is never replaced. Returns whether package.json changed, i.e. whether an install must follow.
 */
export function addSpecAlias(tree: Tree, version: string | undefined = ownVersion()): boolean {
  if (!tree.exists('package.json')) {
    logger.info(`spec:init: no package.json at the workspace root, so no "${ALIAS}" alias; use the long form, e.g. ${LONG_FORM}.`);
    return false;
  }
  let manifest: Manifest;
  try {
    manifest = readJson<Manifest>(tree, 'package.json');
  } catch {
    logger.warn(`spec:init: package.json does not parse, so no "${ALIAS}" alias was added; use the long form, e.g. ${LONG_FORM}.`);
    return false;
  }
  const ours = manifest.devDependencies?.[PLUGIN_NAME] ?? manifest.dependencies?.[PLUGIN_NAME];
  const wanted = ours !== undefined ? aliasSpec(ours) : version ? `npm:${PLUGIN_NAME}@^${version}` : undefined;
  const existing = manifest.devDependencies?.[ALIAS] ?? manifest.dependencies?.[ALIAS];
  if (existing !== undefined) {
    if (existing !== wanted && !isOurs(tree, existing)) {
      logger.warn(
        `spec:init: package.json already has "${ALIAS}": "${existing}", another package, so it was left alone and \`nx g spec:...\` is not this plugin. Use the long form, e.g. ${LONG_FORM}.`,
      );
    }
    return false;
  }
  if (wanted === undefined) {
    const why =
      ours !== undefined
        ? `"${PLUGIN_NAME}": "${ours}" cannot be installed a second time under another name`
        : `the plugin's own version is unknown`;
    logger.warn(`spec:init: no "${ALIAS}" alias added (${why}); use the long form, e.g. ${LONG_FORM}.`);
    return false;
  }
  manifest.devDependencies = Object.fromEntries(
    Object.entries({ ...manifest.devDependencies, [ALIAS]: wanted }).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeJson(tree, 'package.json', manifest);
  return true;
}

/**
 * What `spec` should say for the package.json spec S of the plugin. A folder, tarball, git or
 * URL spec installs the same package under any name, so it is repeated as it is; a version,
 * range or tag names a registry release, which an alias must name with `npm:`. `workspace:`
 * means "the workspace package called spec" to pnpm and yarn, so it cannot be repeated.
 */
export function aliasSpec(spec: string): string | undefined {
  const trimmed = spec.trim();
  if (trimmed.startsWith('workspace:')) return undefined;
  if (isVerbatim(trimmed)) return trimmed;
  return `npm:${PLUGIN_NAME}@${trimmed || '*'}`;
}

function isVerbatim(spec: string): boolean {
  return (
    /^(file|link|npm|git|git\+[a-z]+|github|gitlab|bitbucket|gist|https?):/i.test(spec) ||
    /^(\.{0,2}[\\/]|~[\\/]|[a-z]:[\\/])/i.test(spec) || // a folder or tarball path
    /\.(tgz|tar\.gz|tar)$/i.test(spec) ||
    /^[^@\s/:]+\/[^\s/]+$/.test(spec) // GitHub's owner/repo shorthand
  );
}

/** Whether an existing `spec` already installs this plugin: an alias of it, or a local folder that holds it. */
function isOurs(tree: Tree, spec: string): boolean {
  if (spec === `npm:${PLUGIN_NAME}` || spec.startsWith(`npm:${PLUGIN_NAME}@`)) return true;
  const folder = spec.replace(/^(file|link):/, '');
  if (folder === spec && !/^(\.{0,2}[\\/]|[a-z]:[\\/])/i.test(spec)) return false;
  try {
    const manifest = path.resolve(tree.root, folder, 'package.json');
    const relative = path.relative(tree.root, manifest);
    const inWorkspace = !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
    // Inside the workspace through the tree: it holds pending changes, and in tests the only copy.
    const text = inWorkspace
      ? tree.read(relative.split(path.sep).join('/'), 'utf-8')
      : existsSync(manifest)
        ? readFileSync(manifest, 'utf-8')
        : null;
    return text !== null && (JSON.parse(text) as { name?: unknown }).name === PLUGIN_NAME;
  } catch {
    // Unreadable or not JSON: not something we can claim as ours.
    return false;
  }
}
