import { formatFiles, installPackagesTask, logger, readJson, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { combineOptionsForGenerator, validateOptsAgainstSchema } from 'nx/src/utils/params';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { tableGenerator } from '../table/generator';
import { identifierFrom } from './catalog-name';
import { initGenerator } from './generator';
import { ownVersion } from './own-version';
import type { InitGeneratorSchema } from './schema';
import { addSpecAlias } from './spec-alias';

// The real formatFiles, observed; installs are recorded, never run.
jest.mock('@nx/devkit', () => {
  const actual = jest.requireActual('@nx/devkit');
  return {
    ...actual,
    formatFiles: jest.fn((...args: Parameters<typeof actual.formatFiles>) => actual.formatFiles(...args)),
    installPackagesTask: jest.fn(),
  };
});

const PLUGIN_DIR = path.join(__dirname, '../../..');
const PLUGIN_VERSION = (JSON.parse(readFileSync(path.join(PLUGIN_DIR, 'package.json'), 'utf-8')) as { version: string }).version;
const SCHEMA = JSON.parse(readFileSync(path.join(__dirname, 'schema.json'), 'utf-8'));
const IGNORE_ENTRY = "# Specline's generated code and documents (outputDir in nx.json)\nbuild/specline\n";

/** No formatter configured, so the files hold exactly what the generator wrote. */
function workspace(root?: string): Tree {
  const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  // The tree is in memory; the root only names the workspace folder.
  if (root) Object.assign(tree, { root });
  return tree;
}

function snapshotOf(tree: Tree): string {
  return tree
    .listChanges()
    .map((c) => `${c.type} ${c.path}\n${c.content?.toString('utf-8') ?? ''}`)
    .sort()
    .join('\n');
}

function devDependencies(tree: Tree): Record<string, string> {
  return readJson(tree, 'package.json').devDependencies ?? {};
}

function withPackageJson(tree: Tree, manifest: Record<string, unknown>): Tree {
  tree.write('package.json', JSON.stringify(manifest));
  return tree;
}

async function constitutionName(tree: Tree): Promise<string | undefined> {
  return (await loadTreeCatalog(tree, 'specs')).catalog?.constitution.name;
}

let warn: jest.SpyInstance;
beforeEach(() => {
  jest.clearAllMocks();
  warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('spec:init', () => {
  it('registers the plugin, caches the spec targets and writes a constitution that validates', async () => {
    const tree = workspace();
    await initGenerator(tree, { name: 'shop', owner: 'data-team' });
    const nxJson = readNxJson(tree);
    expect(nxJson?.plugins).toContainEqual({ plugin: '@specline/nx-plugin', options: { specsDir: 'specs', outputDir: 'build/specline' } });
    expect(nxJson?.targetDefaults?.['validate']).toEqual({ cache: true });
    expect(nxJson?.targetDefaults?.['codegen']).toEqual({ cache: true });
    expect(tree.exists('specs/models/staging/.gitkeep')).toBe(true);
    const { catalog, diagnostics } = await loadTreeCatalog(tree, 'specs');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalog?.constitution).toMatchObject({ name: 'shop', owner: 'data-team', dialect: 'bigquery' });
    expect(tree.read('specs/constitution.yaml', 'utf-8')).toMatchSnapshot();
  });

  it('changes nothing when run twice, and then has nothing to install', async () => {
    const tree = workspace();
    expect(await initGenerator(tree, { name: 'shop' })).toBeInstanceOf(Function);
    const first = snapshotOf(tree);
    expect(await initGenerator(tree, { name: 'other', dialect: 'snowflake' })).toBeUndefined();
    expect(snapshotOf(tree)).toBe(first);
  });

  it('keeps user settings in nx.json and a user constitution', async () => {
    const tree = workspace();
    tree.write('nx.json', JSON.stringify({ targetDefaults: { validate: { cache: false, dependsOn: ['^validate'] } } }));
    tree.write('specs/constitution.yaml', 'kind: constitution\nname: mine\ndialect: duckdb\nlayers: { staging: { pattern: "^stg_" } }\n');
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.targetDefaults?.['validate']).toEqual({ cache: false, dependsOn: ['^validate'] });
    expect(tree.read('specs/constitution.yaml', 'utf-8')).toContain('name: mine');
  });

  it('rejects an unknown dialect and writes nothing', async () => {
    const tree = workspace();
    const before = snapshotOf(tree);
    await expect(initGenerator(tree, { dialect: 'cobol' })).rejects.toMatchObject({ code: 'invalid-option' });
    expect(snapshotOf(tree)).toBe(before);
  });

  it('gives a workspace that spec:table can build on', async () => {
    const tree = workspace();
    await initGenerator(tree, { name: 'shop', dialect: 'snowflake' });
    await tableGenerator(tree, {
      system: 'crm',
      table: 'leads',
      columns: 'lead_id:INT64!,email:STRING',
      primaryKey: 'lead_id',
      staging: true,
    });
    expect(tree.read('specs/models/staging/stg_leads.yaml', 'utf-8')).toContain('LOWER(TRIM({from}))');
  });
});

describe('spec:init catalog name', () => {
  it.each([
    ['/virtual', 'virtual'],
    ['/home/me/Customer-360 Data', 'customer_360_data'],
    ['/srv/2024.Séries', 'series'],
    ['/tmp/データ', 'catalog'],
  ])('without --name (or with an empty one) names the catalog after the workspace folder %s: %s', async (root, expected) => {
    for (const options of [{}, { name: '' }]) {
      const tree = withPackageJson(workspace(root), { name: '@acme/source' });
      await initGenerator(tree, options);
      expect(await constitutionName(tree)).toBe(expected);
    }
  });

  it('takes --name over the folder, and rejects one that is not an identifier, writing nothing', async () => {
    const tree = workspace('/work/acme');
    await initGenerator(tree, { name: 'shop' });
    expect(await constitutionName(tree)).toBe('shop');
    const fresh = workspace('/work/acme');
    const before = snapshotOf(fresh);
    await expect(initGenerator(fresh, { name: 'My Shop' })).rejects.toMatchObject({
      code: 'invalid-option',
      message: expect.stringContaining('--name'),
    });
    expect(snapshotOf(fresh)).toBe(before);
  });

  it('makes a folder name into an identifier of at most 63 characters', () => {
    expect(identifierFrom('x'.repeat(70) + '-y')).toBe('x'.repeat(63));
    expect(identifierFrom('a__-__')).toBe('a');
    expect(identifierFrom('___')).toBe('catalog');
  });

  it('runs with no options where Nx cannot prompt (no terminal): Nx passes no name, init uses the folder', async () => {
    const isTTY = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    let options: InitGeneratorSchema;
    try {
      options = (await combineOptionsForGenerator(
        {},
        '@specline/nx-plugin',
        'init',
        undefined as never,
        {},
        SCHEMA,
        true,
        null,
        '',
      )) as InitGeneratorSchema;
    } finally {
      if (isTTY) Object.defineProperty(process.stdout, 'isTTY', isTTY);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
    expect(options).toEqual({ owner: 'data-platform', dialect: 'bigquery', specsDir: 'specs', force: false, skipPackageJson: false });
    const tree = workspace('/work/shop');
    await initGenerator(tree, options);
    expect(await constitutionName(tree)).toBe('shop');
  });

  it('lets the name prompt be answered with Enter (empty means the folder) but not with a non-identifier', () => {
    expect(() => validateOptsAgainstSchema({ name: '' }, SCHEMA)).not.toThrow();
    expect(() => validateOptsAgainstSchema({ name: 'customer_360' }, SCHEMA)).not.toThrow();
    expect(() => validateOptsAgainstSchema({ name: 'Customer 360' }, SCHEMA)).toThrow(/name/);
  });
});

describe('spec:init .gitignore', () => {
  it('creates a .gitignore holding the output folder when there is none', async () => {
    const tree = workspace();
    await initGenerator(tree, { name: 'shop' });
    expect(tree.read('.gitignore', 'utf-8')).toBe(IGNORE_ENTRY);
  });

  it('appends the output folder to an existing .gitignore, once', async () => {
    const tree = workspace();
    tree.write('.gitignore', 'node_modules');
    await initGenerator(tree, { name: 'shop' });
    await initGenerator(tree, { name: 'shop' });
    expect(tree.read('.gitignore', 'utf-8')).toBe(`node_modules\n\n${IGNORE_ENTRY}`);
  });

  it.each([
    'build/specline',
    '/build/specline',
    'build/specline/',
    'build/specline/**',
    'build',
    '/build/',
    'build/',
    'build/*',
    '**/specline',
    'dist\r\nbuild/\n!build/specline',
  ])('leaves .gitignore alone when %j already ignores build/specline', async (existing) => {
    const tree = workspace();
    tree.write('.gitignore', `node_modules/\n${existing}\n`);
    await initGenerator(tree, { name: 'shop' });
    expect(tree.read('.gitignore', 'utf-8')).toBe(`node_modules/\n${existing}\n`);
  });

  it.each(['build/specline-old', '# build/specline', '!build/specline', 'build/*\n!build/specline', 'src/build', 'build/specline/*.sql'])(
    'adds build/specline when %j does not ignore it',
    async (existing) => {
      const tree = workspace();
      tree.write('.gitignore', `${existing}\n`);
      await initGenerator(tree, { name: 'shop' });
      expect(tree.read('.gitignore', 'utf-8')).toBe(`${existing}\n\n${IGNORE_ENTRY}`);
    },
  );

  it.each(['../shared/specline', '/var/specline', '.'])(
    'leaves .gitignore alone when the output folder is %j, not a folder inside the workspace',
    async (outputDir) => {
      const tree = workspace();
      updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: '@specline/nx-plugin', options: { outputDir } }] });
      await initGenerator(tree, { name: 'shop' });
      expect(tree.exists('.gitignore')).toBe(false);
    },
  );

  it('ignores the output folder the existing plugin registration names', async () => {
    const tree = workspace();
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: '@specline/nx-plugin', options: { outputDir: './out/specline/' } }] });
    await initGenerator(tree, { name: 'shop' });
    expect(tree.read('.gitignore', 'utf-8')).toContain('\nout/specline\n');
    expect(tree.read('.gitignore', 'utf-8')).not.toContain('build/specline');
  });
});

describe('spec:init `spec` alias in package.json', () => {
  it.each([
    ['^0.3.0', 'npm:@specline/nx-plugin@^0.3.0'],
    ['0.3.1', 'npm:@specline/nx-plugin@0.3.1'],
    ['latest', 'npm:@specline/nx-plugin@latest'],
    ['>=0.2 <0.4', 'npm:@specline/nx-plugin@>=0.2 <0.4'],
    ['file:../specline', 'file:../specline'],
    ['link:../specline', 'link:../specline'],
    ['./vendor/specline', './vendor/specline'],
    ['./vendor/specline-nx-plugin-0.1.0.tgz', './vendor/specline-nx-plugin-0.1.0.tgz'],
    ['https://example.com/specline-nx-plugin-0.1.0.tgz', 'https://example.com/specline-nx-plugin-0.1.0.tgz'],
    ['git+https://github.com/acme/specline.git#v0.1.0', 'git+https://github.com/acme/specline.git#v0.1.0'],
    ['github:acme/specline', 'github:acme/specline'],
    ['acme/specline#main', 'acme/specline#main'],
  ])('for "@specline/nx-plugin": %j adds "spec": %j and returns a task that installs it', async (ours, alias) => {
    const tree = withPackageJson(workspace(), { name: 'acme', devDependencies: { typescript: '5.9.3', '@specline/nx-plugin': ours } });
    const install = await initGenerator(tree, { name: 'shop' });
    expect(devDependencies(tree)).toEqual({ typescript: '5.9.3', '@specline/nx-plugin': ours, spec: alias });
    expect(Object.keys(devDependencies(tree))).toEqual(['@specline/nx-plugin', 'spec', 'typescript']);
    expect(installPackagesTask).not.toHaveBeenCalled();
    await install?.();
    expect(installPackagesTask).toHaveBeenCalledWith(tree);
  });

  it('reads the plugin from dependencies as well', async () => {
    const tree = withPackageJson(workspace(), { name: 'acme', dependencies: { '@specline/nx-plugin': '~0.2.0' } });
    await initGenerator(tree, { name: 'shop' });
    expect(devDependencies(tree)).toEqual({ spec: 'npm:@specline/nx-plugin@~0.2.0' });
  });

  it("aliases the plugin's own version when package.json does not list the plugin", async () => {
    const tree = withPackageJson(workspace(), { name: 'acme' });
    expect(await initGenerator(tree, { name: 'shop' })).toBeInstanceOf(Function);
    expect(devDependencies(tree)).toEqual({ spec: `npm:@specline/nx-plugin@^${PLUGIN_VERSION}` });
  });

  it('finds its own version from the sources and from a compiled copy deeper down, and none elsewhere', () => {
    expect(ownVersion()).toBe(PLUGIN_VERSION);
    expect(ownVersion(path.join(PLUGIN_DIR, 'dist/generators/init'))).toBe(PLUGIN_VERSION);
    expect(ownVersion(tmpdir())).toBeUndefined();
  });

  it.each([
    ['an npm alias of the plugin', 'npm:@specline/nx-plugin@^0.0.9'],
    ['the same spec as the plugin', 'file:../specline'],
    ['a folder holding the plugin', 'file:tools/specline'],
  ])('leaves "spec" alone when it is already %s, and installs nothing', async (_, spec) => {
    const tree = withPackageJson(workspace(), { name: 'acme', devDependencies: { '@specline/nx-plugin': 'file:../specline', spec } });
    tree.write('tools/specline/package.json', JSON.stringify({ name: '@specline/nx-plugin', version: '0.1.0' }));
    const before = tree.read('package.json', 'utf-8');
    expect(await initGenerator(tree, { name: 'shop' })).toBeUndefined();
    expect(tree.read('package.json', 'utf-8')).toBe(before);
    expect(warn).not.toHaveBeenCalled();
  });

  it('never overwrites an unrelated "spec" package, and says to use the long form', async () => {
    const tree = withPackageJson(workspace(), { name: 'acme', devDependencies: { spec: '^1.0.0' } });
    const before = tree.read('package.json', 'utf-8');
    expect(await initGenerator(tree, { name: 'shop' })).toBeUndefined();
    expect(tree.read('package.json', 'utf-8')).toBe(before);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('nx g @specline/nx-plugin:table'));
  });

  it('cannot alias a workspace: spec, so it says to use the long form', async () => {
    const tree = withPackageJson(workspace(), { name: 'acme', devDependencies: { '@specline/nx-plugin': 'workspace:*' } });
    expect(await initGenerator(tree, { name: 'shop' })).toBeUndefined();
    expect(devDependencies(tree)).toEqual({ '@specline/nx-plugin': 'workspace:*' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('nx g @specline/nx-plugin:table'));
  });

  it('with --skipPackageJson leaves package.json alone and installs nothing', async () => {
    const tree = withPackageJson(workspace(), { name: 'acme' });
    const before = tree.read('package.json', 'utf-8');
    expect(await initGenerator(tree, { name: 'shop', skipPackageJson: true })).toBeUndefined();
    expect(tree.read('package.json', 'utf-8')).toBe(before);
    expect(tree.exists('specs/constitution.yaml')).toBe(true);
  });

  it('without a root package.json sets everything else up and creates none', async () => {
    const tree = workspace();
    tree.delete('package.json');
    expect(await initGenerator(tree, { name: 'shop' })).toBeUndefined();
    expect(tree.exists('package.json')).toBe(false);
    expect(tree.exists('specs/constitution.yaml')).toBe(true);
  });

  it('with a package.json that does not parse, warns and leaves it as it is', () => {
    const tree = workspace();
    tree.write('package.json', '{ "name": ');
    expect(addSpecAlias(tree)).toBe(false);
    expect(tree.read('package.json', 'utf-8')).toBe('{ "name": ');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('does not parse'));
  });
});

describe('spec:init formatting', () => {
  it('formats the files once everything is written', async () => {
    const tree = workspace();
    let seen: { constitution: boolean; gitignore: boolean; alias: boolean } | undefined;
    jest.mocked(formatFiles).mockImplementationOnce(async (formatted) => {
      seen = {
        constitution: formatted.exists('specs/constitution.yaml'),
        gitignore: formatted.exists('.gitignore'),
        alias: 'spec' in devDependencies(formatted),
      };
    });
    await initGenerator(tree, { name: 'shop' });
    expect(formatFiles).toHaveBeenCalledTimes(1);
    expect(formatFiles).toHaveBeenCalledWith(tree);
    expect(seen).toEqual({ constitution: true, gitignore: true, alias: true });
  });

  it("completes in Nx's default test workspace, whose formatter may not be installed", async () => {
    const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const tree = createTreeWithEmptyWorkspace();
      await initGenerator(tree, { name: 'shop' });
      expect(formatFiles).toHaveBeenCalledWith(tree);
      expect(await constitutionName(tree)).toBe('shop');
    } finally {
      quiet.mockRestore();
    }
  });
});
