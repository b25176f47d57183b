import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatDataType, type Catalog } from '../../catalog';
import { copyExampleSpecs } from '../shared/example-workspace';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { importGenerator } from './generator';

const DOCS = path.join(__dirname, '../../../../../docs/requirements');

/** The example catalog without its models: the import must recreate them. */
function workspaceWithoutModels() {
  const tree = createTreeWithEmptyWorkspace();
  copyExampleSpecs(tree, (file) => !file.startsWith('models/'));
  return tree;
}

function contract(catalog: Catalog): string[] {
  return catalog.models.map((m) => `${m.name} ${m.layer} ${m.load.strategy} pk=${m.primaryKey.join(',')} ${m.inputs.map((i) => `${i.alias}=${i.ref}`).join(',')} | ${m.columns.map((c) => `${c.name}:${formatDataType(c.type)}${c.aggregate ? `:${c.aggregate}` : ''}`).join(',')}`).sort();
}

async function exampleContract(): Promise<string[]> {
  const tree = createTreeWithEmptyWorkspace();
  copyExampleSpecs(tree);
  const { catalog } = await loadTreeCatalog(tree, 'specs');
  return contract(catalog as Catalog);
}

describe.each([
  ['customer_360.md', 'the table-driven requirements markdown'],
  ['customer_360.spec.json', 'the equivalent spec.json'],
])('spec:import of %s (%s)', (file) => {
  it('recreates every model of the example catalog, and the result validates', async () => {
    const tree = workspaceWithoutModels();
    tree.write(`docs/requirements/${file}`, readFileSync(path.join(DOCS, file)));
    const report = await importGenerator(tree, { input: `docs/requirements/${file}` });
    expect(report.unmapped).toEqual([]);
    const { catalog, diagnostics } = await loadTreeCatalog(tree, 'specs');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(contract(catalog as Catalog)).toEqual(await exampleContract());
  });

  it('is deterministic', async () => {
    const outputs = [];
    for (let run = 0; run < 2; run++) {
      const tree = workspaceWithoutModels();
      tree.write(`docs/requirements/${file}`, readFileSync(path.join(DOCS, file)));
      await importGenerator(tree, { input: `docs/requirements/${file}` });
      outputs.push(tree.listChanges().filter((c) => c.path.startsWith('specs/models/')).map((c) => `${c.path}\n${c.content?.toString()}`).join('\n'));
    }
    expect(outputs[0]).toBe(outputs[1]);
  });
});

describe('spec:import reporting', () => {
  const MD = [
    '### Model: stg_leads_raw (schema: staging)',
    '- Layer: staging',
    '- Description: Leads.',
    '- Owner: crm-team',
    '- Budget: 12k',
    'Sources:',
    '- `raw.crm_customers` AS c',
    '#### Column mapping',
    '| target_column | type | from_table | from_column | nullable | tests | colour |',
    '|---|---|---|---|---|---|---|',
    '| customer_id | INT64 | raw.crm_customers | customer_id | no | not_null; unique; freshness(1d) | blue |',
    '#### Notes',
    'Ask Bob.',
  ].join('\n');

  it('reports every piece it could not map with its line, and still writes what it could', async () => {
    const tree = workspaceWithoutModels();
    tree.write('req.md', MD);
    const report = await importGenerator(tree, { input: 'req.md' });
    expect(report.unmapped.map((u) => u.origin).sort()).toEqual(['req.md:11', 'req.md:11', 'req.md:12', 'req.md:13', 'req.md:5']);
    expect(tree.read('specs/models/staging/stg_leads_raw.yaml', 'utf-8')).toContain('ref: crm_customers');
  });

  it('with --strict writes nothing when something is unmapped', async () => {
    const tree = workspaceWithoutModels();
    tree.write('req.md', MD);
    await expect(importGenerator(tree, { input: 'req.md', strict: true })).rejects.toMatchObject({ code: 'invalid-spec' });
    expect(tree.exists('specs/models/staging/stg_leads_raw.yaml')).toBe(false);
  });

  it('refuses to overwrite existing models without --force', async () => {
    const tree = createTreeWithEmptyWorkspace();
    copyExampleSpecs(tree);
    tree.write('r.json', readFileSync(path.join(DOCS, 'customer_360.spec.json')));
    await expect(importGenerator(tree, { input: 'r.json' })).rejects.toMatchObject({ code: 'file-exists' });
  });

  it('rejects an input that is neither markdown nor JSON', async () => {
    await expect(importGenerator(createTreeWithEmptyWorkspace(), { input: 'x.txt' })).rejects.toMatchObject({ code: 'invalid-option' });
  });
});
