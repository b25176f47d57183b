import type { ProjectConfiguration, ProjectGraphExternalNode } from '@nx/devkit';
import { loadSpecsFolder } from '../load';
import { generateCatalogCode, generateDatasetCode } from '../emitters';
import { exportDataset } from '../exporters';
import { formatDiagnostic } from '../diagnostics';
import { findSpecFiles } from '../spec';
import { WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { scratchSpecs } from '../../test-support/scratch-workspace';
import { createNodes } from './create-nodes';

/**
 * The upstream fingerprints are what let Nx answer a dependent's task from cache after an
 * upstream edit: each cached dataset target names the external node carrying the fingerprint
 * it keys on. These tests check both directions on the example catalog: an edit outside a
 * target's fingerprint leaves what that target produces for every other project
 * byte-identical (so a cache hit is correct), and an edit inside it changes the keys of
 * everything downstream. nx-task-keys.spec.ts checks the same through Nx's own task hasher.
 */
interface Graph {
  readonly projects: Record<string, ProjectConfiguration>;
  readonly externalNodes: Record<string, ProjectGraphExternalNode>;
}

async function graphOf(root: string): Promise<Graph> {
  const { files } = await findSpecFiles(root, 'specs');
  const results = await createNodes[1](files, { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
  return {
    projects: Object.fromEntries(
      results
        .flatMap(([, result]) => Object.values(result.projects ?? {}))
        .map((project) => [project.name!, project as ProjectConfiguration]),
    ),
    externalNodes: Object.assign({}, ...results.map(([, result]) => result.externalNodes ?? {})),
  };
}

/** What each dataset's validate, codegen and export produce, and the catalog's code, keyed by producer and path. */
async function producedFiles(root: string): Promise<Map<string, string>> {
  const { catalog, diagnostics } = await loadSpecsFolder(root, 'specs');
  if (!catalog) throw new Error('the example catalog did not load');
  const files = new Map<string, string>();
  for (const dataset of catalog.datasets.values()) {
    for (const file of generateDatasetCode(catalog, dataset).files) files.set(`${dataset.name}/codegen/${file.path}`, file.content);
    for (const file of exportDataset(dataset, catalog)) files.set(`${dataset.name}/export/${file.path}`, String(file.content));
    const own = diagnostics.filter((diagnostic) => diagnostic.location.file === dataset.file).map((d) => formatDiagnostic(d));
    files.set(`${dataset.name}/validate`, own.join('\n'));
  }
  for (const file of generateCatalogCode(catalog).files) files.set(`catalog/codegen/${file.path}`, file.content);
  return files;
}

/** The fingerprint a target's key takes from other specs: its external nodes' hashes, or the catalog's option. */
function keyOf(graph: Graph, project: string, target: string): string {
  const config = graph.projects[project].targets?.[target];
  const external = (config?.inputs ?? []).flatMap((input) =>
    typeof input === 'object' && 'externalDependencies' in input ? input.externalDependencies : [],
  );
  return [...external.map((name) => graph.externalNodes[name].data.hash), config?.options?.upstream].join(' ');
}

/** The spec projects whose target is keyed differently (the catalog is checked on its own). */
function changedKeys(before: Graph, after: Graph, target: string): string[] {
  return Object.keys(before.projects)
    .filter(
      (name) => name !== 'catalog' && before.projects[name].targets?.[target] && keyOf(before, name, target) !== keyOf(after, name, target),
    )
    .sort();
}

const readersOf = (graph: Graph, dataset: string) =>
  Object.keys(graph.projects)
    .filter((name) =>
      ((graph.projects[name].metadata as { specline?: { dependsOn: string[] } }).specline?.dependsOn ?? []).includes(dataset),
    )
    .sort();

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
}

const ORDERS_USD = 'specs/models/intermediate/int_orders_usd.yaml';
const READERS_OF_ORDERS_USD = ['fact_customer_360', 'int_customer_orders'];

describe('upstream fingerprints on external nodes', () => {
  let original: Graph;
  let originalFiles: Map<string, string>;
  beforeAll(async () => {
    original = await graphOf(WORKSPACE_ROOT);
    originalFiles = await producedFiles(WORKSPACE_ROOT);
  });

  it('give each cached dataset target exactly one external node, and every project reading others its own pair', () => {
    for (const [name, project] of Object.entries(original.projects)) {
      if (name === 'catalog') continue;
      for (const [target, config] of Object.entries(project.targets ?? {})) {
        if (!config.cache) continue;
        const external = (config.inputs ?? []).filter((input) => typeof input === 'object' && 'externalDependencies' in input);
        // Without one, Nx would hash every external node of the graph into the key.
        expect([name, target, external.length]).toEqual([name, target, 1]);
      }
    }
    expect(keyOf(original, 'int_customer_orders', 'test')).not.toBe(keyOf(original, 'int_customer_orders', 'codegen'));
    expect(Object.keys(original.externalNodes)).toEqual(
      expect.arrayContaining(['specline.upstream-contract:int_customer_orders', 'specline.upstream-behaviour:int_customer_orders']),
    );
    // A source that binds no glossary term reads no other spec: no node, an empty list.
    expect(original.projects.crm_addresses.targets?.codegen?.inputs).toContainEqual({ externalDependencies: [] });
    expect(Object.keys(original.externalNodes).some((name) => name.endsWith(':crm_addresses'))).toBe(false);
    // No option differs per kind: Nx hashes every target's options into each task's key.
    for (const project of Object.values(original.projects))
      if (project.name !== 'catalog')
        for (const config of Object.values(project.targets ?? {})) expect(config.options ?? {}).not.toHaveProperty('upstream');
  });

  it('ignore prose: a source description edit changes no other key and no other output', async () => {
    const scratch = scratchSpecs('specs/sources/crm/customers.yaml', (text) =>
      text
        .replace(/^description: .*$/m, 'description: Rewritten for the test.')
        .replace('description: CRM surrogate key of the customer account.', 'description: The key.'),
    );
    try {
      const edited = await graphOf(scratch.root);
      for (const target of ['validate', 'codegen', 'export', 'test']) expect(changedKeys(original, edited, target)).toEqual([]);
      // Only the edited spec's own outputs (its dbt sources.yml and documents carry descriptions) may differ.
      expect(changedFiles(originalFiles, await producedFiles(scratch.root)).every((file) => file.startsWith('crm_customers/'))).toBe(true);
    } finally {
      scratch.cleanup();
    }
  });

  it("leave a model's own test keyed as before after a prose edit, and re-key it after a behaviour edit", async () => {
    const ownTest = (graph: Graph) => graph.projects.stg_orders.targets?.test;
    expect(ownTest(original)?.inputs).not.toContain('specline-spec');
    const prose = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace(/^description: .*$/m, 'description: Rewritten for the test.'),
    );
    const filter = scratchSpecs('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace("filter: LOWER(status) <> 'test'", "filter: LOWER(status) NOT IN ('test', 'qa')"),
    );
    try {
      const afterProse = await graphOf(prose.root);
      expect(afterProse.projects.stg_orders.namedInputs?.['specline-seed']).toEqual(
        original.projects.stg_orders.namedInputs?.['specline-seed'],
      );
      expect(ownTest(afterProse)).toEqual(ownTest(original));
      expect(keyOf(afterProse, 'stg_orders', 'test')).toBe(keyOf(original, 'stg_orders', 'test'));
      // validate, codegen and export still read the spec file: their outputs carry the prose.
      for (const target of ['validate', 'codegen', 'export'])
        expect(afterProse.projects.stg_orders.targets?.[target]?.inputs).toContain('specline-spec');
      expect(ownTest(await graphOf(filter.root))?.options?.behaviour).not.toBe(ownTest(original)?.options?.behaviour);
    } finally {
      prose.cleanup();
      filter.cleanup();
    }
  });

  it("follow values to tests only: a changed number in a transform re-keys the readers' tests and the catalog code, and no reader's output changes", async () => {
    const scratch = scratchSpecs(ORDERS_USD, (text) =>
      text.replace('ROUND(o.total_amount * fx.rate_to_usd, 2)', 'ROUND(o.total_amount * fx.rate_to_usd, 4)'),
    );
    try {
      const edited = await graphOf(scratch.root);
      expect(readersOf(original, 'int_orders_usd')).toEqual(['int_customer_orders']);
      expect(changedKeys(original, edited, 'test')).toEqual(READERS_OF_ORDERS_USD);
      for (const target of ['validate', 'codegen', 'export']) expect(changedKeys(original, edited, target)).toEqual([]);
      expect(keyOf(edited, 'catalog', 'codegen')).not.toBe(keyOf(original, 'catalog', 'codegen'));
      // The cache hits this allows are right: no other dataset's code, documents or diagnostics change.
      const changed = changedFiles(originalFiles, await producedFiles(scratch.root));
      expect(changed.filter((file) => !file.startsWith('int_orders_usd/') && !file.startsWith('catalog/'))).toEqual([]);
      expect(changed).toContain('int_orders_usd/codegen/sql/duckdb/intermediate/int_orders_usd.sql');
    } finally {
      scratch.cleanup();
    }
  });

  it('follow the contract: a filter rewritten, a column retyped or renamed re-keys every transitive reader', async () => {
    const edits: [string, (text: string) => string][] = [
      [
        'specs/models/staging/stg_orders.yaml',
        (text) => text.replace("filter: LOWER(status) <> 'test'", "filter: LOWER(status) NOT IN ('test', 'qa')"),
      ],
      [ORDERS_USD, (text) => text.replace('ROUND(o.total_amount * fx.rate_to_usd, 2)', 'ROUND(o.total_amount * fx.rate_to_usd, 2.5)')],
      [ORDERS_USD, (text) => text.replace(/(name: amount_usd\n\s+type: )NUMERIC\(18,2\)/, '$1FLOAT64')],
      [ORDERS_USD, (text) => text.replace('name: amount_usd', 'name: amount_in_usd')],
    ];
    for (const [file, edit] of edits) {
      const scratch = scratchSpecs(file, edit);
      try {
        const edited = await graphOf(scratch.root);
        const expected = file === ORDERS_USD ? READERS_OF_ORDERS_USD : ['fact_customer_360', 'int_customer_orders', 'int_orders_usd'];
        for (const target of ['validate', 'codegen', 'export', 'test'])
          expect([file, target, changedKeys(original, edited, target)]).toEqual([file, target, expected]);
      } finally {
        scratch.cleanup();
      }
    }
  });
});
