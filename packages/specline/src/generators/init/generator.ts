import {
  formatFiles,
  generateFiles,
  installPackagesTask,
  logger,
  readNxJson,
  updateNxJson,
  type GeneratorCallback,
  type NxJsonConfiguration,
  type Tree,
} from '@nx/devkit';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, normalizeOptions, type NormalizedOptions, type SpeclinePluginOptions } from '../../workspace/options';
import { isKnownDialect } from '../../sql';
import { GeneratorError } from '../shared/generator-error';
import { PLUGIN_NAME } from '../shared/specs-dir';
import { writeValidatedSpecs } from '../shared/write-validated';
import { catalogName } from './catalog-name';
import { ignoreOutputDir } from './ignore-output';
import type { InitGeneratorSchema } from './schema';
import { addSpecAlias } from './spec-alias';

const CACHED_TARGETS = ['validate', 'codegen', 'export', 'test'] as const;
const LAYOUT = ['sources', 'models/staging', 'models/intermediate', 'models/marts', 'glossary', 'workflows'];

/**
 * `nx g spec:init`, also what `nx add @specline/nx-plugin` runs. Every step checks before it
 * changes, so a second run is a no-op and a user's own constitution, nx.json settings,
 * .gitignore rules or `spec` dependency are never replaced (the constitution only with --force).
 * When package.json gained the `spec` alias, the returned task installs it after Nx writes.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema): Promise<GeneratorCallback | undefined> {
  const { specsDir } = normalizeOptions({ specsDir: options.specsDir });
  const dialect = options.dialect ?? 'bigquery';
  if (!isKnownDialect(dialect))
    throw new GeneratorError(
      'invalid-option',
      `--dialect: "${dialect}" is not a SQL dialect polyglot knows, e.g. bigquery, snowflake, duckdb.`,
    );
  const name = catalogName(tree, options.name);
  if (!specsDir || specsDir.startsWith('/') || specsDir.split('/').includes('..'))
    throw new GeneratorError('invalid-option', `--specsDir: "${specsDir}" must be a folder inside the workspace.`);

  const registered = registerPlugin(tree, specsDir);
  for (const folder of LAYOUT) if (tree.children(`${specsDir}/${folder}`).length === 0) tree.write(`${specsDir}/${folder}/.gitkeep`, '');

  const constitution = `${specsDir}/constitution.yaml`;
  if (!tree.exists(constitution) || options.force) {
    const rendered = renderConstitution(tree, specsDir, { name, owner: options.owner ?? 'data-platform', dialect });
    await writeValidatedSpecs(tree, specsDir, new Map([[constitution, rendered]]), true);
  } else {
    logger.info(`spec:init: ${constitution} exists; left as it is (--force rewrites it).`);
  }

  ignoreOutputDir(tree, registered.outputDir);
  const install = options.skipPackageJson ? false : addSpecAlias(tree);
  await formatFiles(tree);
  return install ? () => installPackagesTask(tree) : undefined;
}

/** Registers the plugin unless it already is; returns the options of the registration in force. */
function registerPlugin(tree: Tree, specsDir: string): NormalizedOptions {
  const nxJson: NxJsonConfiguration = readNxJson(tree) ?? {};
  let changed = false;
  const plugins = nxJson.plugins ?? [];
  const existing = plugins.find((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  const options: SpeclinePluginOptions =
    existing === undefined
      ? { specsDir, outputDir: DEFAULT_OPTIONS.outputDir }
      : typeof existing === 'string'
        ? {}
        : ((existing.options ?? {}) as SpeclinePluginOptions);
  if (existing === undefined) {
    nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options }];
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
  return normalizeOptions(options);
}

/** Renders the template into a scratch path first, so the guarded writer decides whether it lands. */
function renderConstitution(tree: Tree, specsDir: string, vars: { name: string; owner: string; dialect: string }): string {
  const scratch = `.specline-init-${process.pid}`;
  generateFiles(tree, path.join(__dirname, 'files', 'specs'), scratch, { ...vars, tmpl: '' });
  const depth = specsDir.split('/').length;
  const text = (tree.read(`${scratch}/constitution.yaml`, 'utf-8') ?? '').replace(
    /\.\.\/node_modules/g,
    `${'../'.repeat(depth)}node_modules`,
  );
  tree.delete(scratch);
  return text;
}

export default initGenerator;
