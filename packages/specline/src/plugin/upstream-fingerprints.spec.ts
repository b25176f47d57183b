import type { ProjectConfiguration } from '@nx/devkit';
import { loadSpecsFolder } from '../load';
import { generateCatalogCode, generateDatasetCode } from '../emitters';
import { findSpecFiles } from '../spec';
import { WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { scratchSpecs } from '../../test-support/scratch-workspace';
import { createNodes } from './create-nodes';

/**
 * The fingerprint in target options is what lets Nx answer a dependent's task from cache
 * after an upstream edit. These tests check both directions on the example catalog: an edit
 * outside the fingerprint leaves every other project's generated code byte-identical (so a
 * cache hit is correct), and an edit inside it changes the keys of everything downstream.
 */
type Projects = Record<string, ProjectConfiguration>;

async function projectsOf(root: string): Promise<Projects> {
  const { files } = await findSpecFiles(root, 'specs');
  const results = await createNodes[1](files, { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
  return Object.fromEntries(
    results
      .flatMap(([, result]) => Object.values(result.projects ?? {}))
      .map((project) => [project.name!, project as ProjectConfiguration]),
  );
}

/** Every generated file of every dataset, and of the catalog, keyed by project and path. */
async function generatedCode(root: string): Promise<Map<string, string>> {
  const { catalog } = await loadSpecsFolder(root, 'specs');
  if (!catalog) throw new Error('the example catalog did not load');
  const files = new Map<string, string>();
  for (const dataset of catalog.datasets.values())
    for (const file of generateDatasetCode(catalog, dataset).files) files.set(`${dataset.name}/${file.path}`, file.content);
  for (const file of generateCatalogCode(catalog).files) files.set(`catalog/${file.path}`, file.content);
  return files;
}

const keyOf = (projects: Projects, project: string, target: string) =>
  projects[project].targets?.[target]?.options?.upstream as string | undefined;

/** The spec projects whose target is keyed differently (the catalog is checked on its own). */
function changedKeys(before: Projects, after: Projects, target: string): string[] {
  return Object.keys(before)
    .filter((name) => name !== 'catalog' && before[name].targets?.[target] && keyOf(before, name, target) !== keyOf(after, name, target))
    .sort();
}

const readersOf = (projects: Projects, dataset: string) =>
  Object.keys(projects)
    .filter((name) => ((projects[name].metadata as { specline?: { dependsOn: string[] } }).specline?.dependsOn ?? []).includes(dataset))
    .sort();

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
}

describe('upstream fingerprints in target options', () => {
  let original: Projects;
  let originalCode: Map<string, string>;
  beforeAll(async () => {
    original = await projectsOf(WORKSPACE_ROOT);
    originalCode = await generatedCode(WORKSPACE_ROOT);
  });

  it('ignore prose: a source description edit changes no other key and no other file', async () => {
    const scratch = scratchSpecs('specs/sources/crm/customers.yaml', (text) =>
      text
        .replace(/^description: .*$/m, 'description: Rewritten for the test.')
        .replace('description: CRM surrogate key of the customer account.', 'description: The key.'),
    );
    try {
      const edited = await projectsOf(scratch.root);
      for (const target of ['validate', 'codegen', 'export', 'test']) expect(changedKeys(original, edited, target)).toEqual([]);
      // Only the edited spec's own code (its dbt sources.yml carries descriptions) may differ.
      expect(changedFiles(originalCode, await generatedCode(scratch.root)).every((file) => file.startsWith('crm_customers/'))).toBe(true);
    } finally {
      scratch.cleanup();
    }
  });

  it("leave a model's own test keyed as before after a prose edit, and re-key it after a behaviour edit", async () => {
    const ownTest = (projects: Projects) => projects.stg_orders.targets?.test;
    expect(ownTest(original)?.inputs).not.toContain('specline-spec');
    const prose = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace(/^description: .*$/m, 'description: Rewritten for the test.'),
    );
    const filter = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace("filter: LOWER(status) <> 'test'", "filter: LOWER(status) NOT IN ('test', 'qa')"),
    );
    try {
      const afterProse = await projectsOf(prose.root);
      expect(afterProse.stg_orders.namedInputs?.['specline-seed']).toEqual(original.stg_orders.namedInputs?.['specline-seed']);
      expect(ownTest(afterProse)).toEqual(ownTest(original));
      // validate, codegen and export still read the spec file: their outputs carry the prose.
      for (const target of ['validate', 'codegen', 'export'])
        expect(afterProse.stg_orders.targets?.[target]?.inputs).toContain('specline-spec');
      expect(ownTest(await projectsOf(filter.root))?.options?.behaviour).not.toBe(ownTest(original)?.options?.behaviour);
    } finally {
      prose.cleanup();
      filter.cleanup();
    }
  });

  it('follow behaviour: a filter edit re-keys every transitive dependent and the catalog code, and nothing else', async () => {
    const scratch = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace("filter: LOWER(status) <> 'test'", "filter: LOWER(status) NOT IN ('test', 'qa')"),
    );
    try {
      const edited = await projectsOf(scratch.root);
      expect(readersOf(original, 'stg_orders')).toEqual(['int_orders_usd']);
      for (const target of ['validate', 'codegen', 'export', 'test'])
        expect(changedKeys(original, edited, target)).toEqual(['fact_customer_360', 'int_customer_orders', 'int_orders_usd']);
      // The catalog-wide build.sql compiles every model.
      expect(keyOf(edited, 'catalog', 'codegen')).not.toBe(keyOf(original, 'catalog', 'codegen'));
      expect(changedFiles(originalCode, await generatedCode(scratch.root))).toEqual(
        expect.arrayContaining(['catalog/sql/duckdb/build.sql', 'stg_orders/sql/duckdb/staging/stg_orders.sql']),
      );
    } finally {
      scratch.cleanup();
    }
  });
});
