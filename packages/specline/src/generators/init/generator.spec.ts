import { readNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { tableGenerator } from '../table/generator';
import { initGenerator } from './generator';

function snapshotOf(tree: Tree): string {
  return tree
    .listChanges()
    .map((c) => `${c.type} ${c.path}\n${c.content?.toString('utf-8') ?? ''}`)
    .sort()
    .join('\n');
}

describe('spec:init', () => {
  it('registers the plugin, caches the spec targets and writes a constitution that validates', async () => {
    const tree = createTreeWithEmptyWorkspace();
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

  it('changes nothing when run twice', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { name: 'shop' });
    const first = snapshotOf(tree);
    await initGenerator(tree, { name: 'other', dialect: 'snowflake' });
    expect(snapshotOf(tree)).toBe(first);
  });

  it('keeps user settings in nx.json and a user constitution', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('nx.json', JSON.stringify({ targetDefaults: { validate: { cache: false, dependsOn: ['^validate'] } } }));
    tree.write('specs/constitution.yaml', 'kind: constitution\nname: mine\ndialect: duckdb\nlayers: { staging: { pattern: "^stg_" } }\n');
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.targetDefaults?.['validate']).toEqual({ cache: false, dependsOn: ['^validate'] });
    expect(tree.read('specs/constitution.yaml', 'utf-8')).toContain('name: mine');
  });

  it('rejects an unknown dialect and writes nothing', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const before = snapshotOf(tree);
    await expect(initGenerator(tree, { dialect: 'cobol' })).rejects.toMatchObject({ code: 'invalid-option' });
    expect(snapshotOf(tree)).toBe(before);
  });

  it('gives a workspace that spec:table can build on', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { name: 'shop', dialect: 'snowflake' });
    await tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!,email:STRING', primaryKey: 'lead_id', staging: true });
    expect(tree.read('specs/models/staging/stg_leads.yaml', 'utf-8')).toContain('LOWER(TRIM({from}))');
  });
});
