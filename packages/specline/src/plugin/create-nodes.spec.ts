import type { CreateDependenciesContext, ProjectConfiguration } from '@nx/devkit';
import { createDependencies } from './create-dependencies';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createNodes } from './create-nodes';

const FILES: Record<string, string> = {
  'specs/constitution.yaml': 'kind: constitution\nname: t\ndialect: bigquery\nlayers:\n  staging: { pattern: "^stg_" }\n',
  'specs/sources/crm/customers.yaml':
    'kind: source\nname: customers\nsystem: crm\nowner: crm team\nseed: customers.csv\ncolumns:\n  - { name: id, type: INT64 }\n',
  'specs/sources/crm/customers.csv': 'id\n1\n',
  'specs/models/stg_customers.yaml':
    'kind: model\nname: stg_customers\nlayer: staging\ndescription: Clean customers.\nsources:\n  - { ref: crm_customers, alias: c }\ncolumns:\n  - { name: id, type: INT64, from: c.id, glossary: customer }\n',
  'specs/models/zz_copy.yaml':
    'kind: model\nname: stg_customers\nlayer: staging\nsources:\n  - { ref: crm_customers, alias: c }\ncolumns:\n  - { name: id, type: INT64, from: c.id }\n',
  'specs/models/broken.yaml': 'kind: model\nname: [oops\n',
  'specs/glossary.yaml': 'kind: glossary\nname: terms\nterms:\n  - { name: customer, definition: A buyer. }\n',
  'package.json': '{}',
};

describe('createNodes and createDependencies', () => {
  let root: string;
  let projects: Record<string, ProjectConfiguration>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-plugin-'));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const files = Object.keys(FILES).filter((f) => /\.(ya?ml|json)$/.test(f));
    const results = await createNodes[1](files, { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
    projects = {};
    for (const [, result] of results) {
      for (const [projectRoot, project] of Object.entries(result.projects ?? {}))
        projects[project.name!] = { ...project, root: projectRoot } as ProjectConfiguration;
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('makes every spec but the constitution a project rooted at its file', () => {
    expect(Object.fromEntries(Object.entries(projects).map(([name, p]) => [name, p.root]))).toEqual({
      crm_customers: 'specs/sources/crm/customers.yaml',
      stg_customers: 'specs/models/stg_customers.yaml',
      'duplicate-models-zz_copy': 'specs/models/zz_copy.yaml',
      'invalid-models-broken': 'specs/models/broken.yaml',
      'glossary-terms': 'specs/glossary.yaml',
      // The workspace-level project carrying the catalog export, rooted at the specs folder
      // (each spec file still belongs to its own project: Nx picks the longest matching root).
      catalog: 'specs',
    });
  });

  it('tags projects by kind, layer, system and owner, and describes them', () => {
    expect(projects.crm_customers.tags).toEqual(['kind:source', 'system:crm', 'owner:crm-team']);
    expect(projects.stg_customers.tags).toEqual(['kind:model', 'layer:staging']);
    expect(projects.stg_customers.metadata?.description).toBe('Clean customers.');
  });

  it('keeps a broken spec in the graph and names its file and position', () => {
    expect(projects['invalid-models-broken'].metadata?.description).toMatch(
      /^Invalid spec specs\/models\/broken\.yaml: specs\/models\/broken\.yaml:3:1: error PARSE001/,
    );
    expect(projects['invalid-models-broken'].targets?.validate).toBeDefined();
  });

  it('keeps a spec file it cannot read in the graph, as an invalid project that says why', async () => {
    // Nx listed the file, then it could not be read (here: removed in between).
    const files = ['specs/constitution.yaml', 'specs/sources/crm/gone.yaml'];
    const results = await createNodes[1](files, { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
    const gone = results.find(([file]) => file === 'specs/sources/crm/gone.yaml')?.[1].projects?.['specs/sources/crm/gone.yaml'];
    expect(gone?.name).toBe('invalid-sources-crm-gone');
    expect(gone?.metadata?.description).toBe(
      'Invalid spec specs/sources/crm/gone.yaml: specs/sources/crm/gone.yaml: the file cannot be read (ENOENT).',
    );
    expect(gone?.targets?.validate).toBeDefined();
  });

  it('feeds the spec, its seed, the constitution and the plugin into validate', () => {
    const validate = projects.crm_customers.targets!.validate;
    expect(projects.crm_customers.namedInputs!['specline-spec']).toEqual([
      '{workspaceRoot}/specs/sources/crm/customers.yaml',
      '{workspaceRoot}/specs/sources/crm/customers.csv',
    ]);
    // A source reads no other spec; the empty list keeps every other project's fingerprint out of its key.
    expect(validate.inputs).toEqual(['specline-spec', 'specline-shared', { externalDependencies: [] }]);
    expect(projects.crm_customers.namedInputs!['specline-shared']).toEqual([
      '{workspaceRoot}/specs/constitution.yaml',
      { runtime: expect.stringContaining('@specline/nx-plugin/package.json') },
      expect.stringContaining('package-lock.json'),
    ]);
    expect(validate.cache).toBe(true);
    expect(validate.metadata?.description).toMatch(/Checks the spec/);
  });

  it('shows the dataset contract (owner, layer, load strategy, columns) in the project metadata', () => {
    expect(projects.crm_customers.metadata).toMatchObject({ dataset: { owner: 'crm team', columns: [{ name: 'id', type: 'INT64' }] } });
    expect(projects.stg_customers.metadata).toMatchObject({ dataset: { layer: 'staging', columns: [{ name: 'id', type: 'INT64' }] } });
    expect(projects['glossary-terms'].metadata).not.toHaveProperty('dataset');
    for (const project of Object.values(projects))
      for (const [name, target] of Object.entries(project.targets ?? {}))
        expect([project.name, name, typeof target.metadata?.description]).toEqual([project.name, name, 'string']);
  });

  it('makes a glossary edit touch the models binding its terms through an input of validate, not an edge', () => {
    expect(projects.stg_customers.namedInputs!['specline-glossary']).toEqual(['{workspaceRoot}/specs/glossary.yaml']);
    expect(projects.crm_customers.namedInputs).not.toHaveProperty('specline-glossary');
    const readers = Object.entries(projects.stg_customers.targets!).filter(([, target]) => target.inputs?.includes('specline-glossary'));
    expect(readers.map(([name]) => name)).toEqual(['validate']);
  });

  it('adds an edge from each model to what it reads, nothing else, and no source file', async () => {
    const context = {
      projects,
      externalNodes: {},
      nxJsonConfiguration: {},
      fileMap: { projectFileMap: {}, nonProjectFiles: [] },
      filesToProcess: { projectFileMap: {}, nonProjectFiles: [] },
      workspaceRoot: root,
    } as unknown as CreateDependenciesContext;
    const dependencies = await createDependencies(undefined, context);
    expect(dependencies.map((d) => `${d.source}->${d.target}`).sort()).toEqual([
      'duplicate-models-zz_copy->crm_customers',
      'stg_customers->crm_customers',
    ]);
    expect(dependencies.every((d) => d.type === 'implicit' && !('sourceFile' in d))).toBe(true);
  });
});

describe('relationships lookups in the cache key', () => {
  it('make validate key on the looked-up contract and test on its behaviour and seeds with its upstream', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'specline-lookups-'));
    try {
      const files: Record<string, string> = {
        'specs/constitution.yaml': FILES['specs/constitution.yaml'],
        'specs/sources/crm/customers.yaml': 'kind: source\nname: customers\nsystem: crm\ncolumns:\n  - { name: id, type: INT64 }\n',
        'specs/models/stg_customers.yaml':
          'kind: model\nname: stg_customers\nlayer: staging\nsources:\n  - { ref: crm_customers, alias: c }\ncolumns:\n  - { name: id, type: INT64, from: c.id }\n',
        'specs/models/stg_orders.yaml':
          'kind: model\nname: stg_orders\nlayer: staging\nsources:\n  - { ref: crm_customers, alias: c }\ncolumns:\n  - name: customer_id\n    type: INT64\n    from: c.id\n    tests: [{ relationships: { to: stg_customers, field: id } }]\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      const ordersKeys = async () => {
        const results = await createNodes[1](Object.keys(files), { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
        const project = results.flatMap(([, r]) => Object.values(r.projects ?? {})).find((p) => p.name === 'stg_orders')!;
        const nodes = Object.assign({}, ...results.map(([, r]) => r.externalNodes ?? {})) as Record<string, { data: { hash?: string } }>;
        const hashOf = (target: string) =>
          project.targets![target].inputs!.flatMap((input) =>
            typeof input === 'object' && 'externalDependencies' in input
              ? input.externalDependencies.map((name) => nodes[name].data.hash)
              : [],
          );
        return { project, validate: hashOf('validate'), test: hashOf('test') };
      };
      const before = await ordersKeys();
      expect(before.project.targets!.test.inputs).toContainEqual({ input: 'specline-seed', projects: ['crm_customers', 'stg_customers'] });
      expect(before.validate).toHaveLength(1);
      // stg_customers is not read by stg_orders, only looked up: its contract still counts.
      writeFileSync(
        path.join(root, 'specs/models/stg_customers.yaml'),
        files['specs/models/stg_customers.yaml'].replace('type: INT64', 'type: STRING'),
      );
      const after = await ordersKeys();
      expect(after.validate).not.toEqual(before.validate);
      expect(after.test).not.toEqual(before.test);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('files that cannot be read stay local', () => {
  it('make each its own invalid project, located, and every other project stays in the graph', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'specline-hostile-'));
    try {
      const files: Record<string, string | Buffer> = {
        'specs/constitution.yaml': FILES['specs/constitution.yaml'],
        'specs/sources/crm/customers.yaml': 'kind: source\nname: customers\nsystem: crm\ncolumns:\n  - { name: id, type: INT64 }\n',
        'specs/models/deep_json.json': `{"kind": "model", "name": ${'['.repeat(100000)}${']'.repeat(100000)}}`,
        'specs/models/deep_yaml.yaml': `kind: model\nname: ${'[{a: '.repeat(50000)}${'}]'.repeat(50000)}\n`,
        'specs/models/deep_block.yaml': `kind: model\nname: ${'- '.repeat(200000)}x\n`,
        'specs/models/latin1.yaml': Buffer.concat([Buffer.from('kind: model\nname: stg_caf'), Buffer.from([0xe9, 0x0a])]),
        'specs/models/bom.json': '\ufeff{"kind": "model", "name": "stg_bom", "layer": "staging"}',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      writeFileSync(path.join(root, 'outside.yaml'), 'kind: model\nname: stg_outside\n');
      symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'specs/models/outside.yaml'));
      const listed = [...Object.keys(files), 'specs/models/outside.yaml'];
      const results = await createNodes[1](listed, { specsDir: 'specs' }, { workspaceRoot: root, nxJsonConfiguration: {} });
      const described = Object.fromEntries(
        results.flatMap(([, r]) => Object.values(r.projects ?? {})).map((p) => [p.name!, String(p.metadata?.description)]),
      );
      expect(described).toEqual({
        crm_customers: expect.any(String),
        stg_bom: expect.any(String),
        'invalid-models-deep_json': expect.stringMatching(/specs\/models\/deep_json\.json:1:\d+: error PARSE007/),
        'invalid-models-deep_yaml': expect.stringMatching(/specs\/models\/deep_yaml\.yaml:2:\d+: error PARSE007/),
        'invalid-models-deep_block': expect.stringMatching(/specs\/models\/deep_block\.yaml:\d+:\d+: error PARSE007/),
        'invalid-models-latin1': expect.stringMatching(/specs\/models\/latin1\.yaml:2:14: error FILE007/),
        'invalid-models-outside': expect.stringMatching(/specs\/models\/outside\.yaml:1:1: error FILE006/),
        catalog: expect.any(String),
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
