import { generateFiles, logger, readNxJson, updateNxJson, type NxJsonConfiguration, type Tree } from '@nx/devkit';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, normalizeOptions } from '../../plugin/options';
import { isKnownDialect } from '../../sql';
import { GeneratorError } from '../shared/generator-error';
import { PLUGIN_NAME } from '../shared/specs-dir';
import { writeValidatedSpecs } from '../shared/write-validated';
import type { InitGeneratorSchema } from './schema';

const CACHED_TARGETS = ['validate', 'codegen', 'export', 'test'] as const;
const LAYOUT = ['sources', 'models/staging', 'models/intermediate', 'models/marts', 'glossary', 'workflows'];

/**
 * `nx g spec:init`. Every step checks before it changes, so a second run is a no-op and a
 * user's own constitution or nx.json settings are never replaced without --force.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema): Promise<void> {
  const { specsDir } = normalizeOptions({ specsDir: options.specsDir });
  const dialect = options.dialect ?? 'bigquery';
  if (!isKnownDialect(dialect)) throw new GeneratorError('invalid-option', `--dialect: "${dialect}" is not a SQL dialect polyglot knows, e.g. bigquery, snowflake, duckdb.`);
  const name = options.name ?? defaultName(tree);
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new GeneratorError('invalid-option', `--name: "${name}" must be a lower-case identifier, e.g. customer_360.`);
  if (!specsDir || specsDir.startsWith('/') || specsDir.split('/').includes('..')) throw new GeneratorError('invalid-option', `--specsDir: "${specsDir}" must be a folder inside the workspace.`);

  registerPlugin(tree, specsDir);
  for (const folder of LAYOUT) if (tree.children(`${specsDir}/${folder}`).length === 0) tree.write(`${specsDir}/${folder}/.gitkeep`, '');

  const constitution = `${specsDir}/constitution.yaml`;
  if (!tree.exists(constitution) || options.force) {
    const rendered = renderConstitution(tree, specsDir, { name, owner: options.owner ?? 'data-platform', dialect });
    await writeValidatedSpecs(tree, specsDir, new Map([[constitution, rendered]]), true);
  } else {
    logger.info(`spec:init: ${constitution} exists; left as it is (--force rewrites it).`);
  }
}

function registerPlugin(tree: Tree, specsDir: string): void {
  const nxJson: NxJsonConfiguration = readNxJson(tree) ?? {};
  let changed = false;
  const plugins = nxJson.plugins ?? [];
  if (!plugins.some((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME)) {
    nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options: { specsDir, outputDir: DEFAULT_OPTIONS.outputDir } }];
    changed = true;
  }
  const defaults = { ...(nxJson.targetDefaults ?? {}) };
  for (const target of CACHED_TARGETS) {
    const current = defaults[target];
    // An array value is a user's filtered configuration: theirs to decide, so it is left alone.
    if (Array.isArray(current) || current?.cache !== undefined) continue;
    defaults[target] = { ...(current ?? {}), cache: true };
    changed = true;
  }
  nxJson.targetDefaults = defaults;
  if (changed) updateNxJson(tree, nxJson);
}

/** Renders the template into a scratch path first, so the guarded writer decides whether it lands. */
function renderConstitution(tree: Tree, specsDir: string, vars: { name: string; owner: string; dialect: string }): string {
  const scratch = `.specline-init-${process.pid}`;
  generateFiles(tree, path.join(__dirname, 'files', 'specs'), scratch, { ...vars, tmpl: '' });
  const depth = specsDir.split('/').length;
  const text = (tree.read(`${scratch}/constitution.yaml`, 'utf-8') ?? '').replace(/\.\.\/node_modules/g, `${'../'.repeat(depth)}node_modules`);
  tree.delete(scratch);
  return text;
}

function defaultName(tree: Tree): string {
  let raw = 'catalog';
  if (tree.exists('package.json')) {
    try {
      raw = String(JSON.parse(tree.read('package.json', 'utf-8') ?? '{}').name ?? raw);
    } catch {
      // An unreadable package.json only costs us the default name.
    }
  }
  const name = raw.replace(/^@[^/]+\//, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').slice(0, 63);
  return name || 'catalog';
}

export default initGenerator;
