import { buildCatalogProject } from './catalog-project';

const context = {
  options: { specsDir: 'specs', outputDir: 'build/specline' },
  constitutionFile: 'specs/constitution.yaml',
  pluginInputs: [],
};

describe('the catalog project', () => {
  const names = new Map([
    ['specs/sources/crm/customers.yaml', 'crm_customers'],
    ['specs/models/stg.yaml', 'stg'],
    ['specs/glossary/terms.yaml', 'glossary-terms'],
    ['specs/workflows/w.yaml', 'workflow-w'],
  ]);

  it('has no edge to the specs: it is rooted at the specs folder and holds all of it as an input', () => {
    const project = buildCatalogProject(names, context);
    expect(project.name).toBe('catalog');
    expect(project.implicitDependencies).toBeUndefined();
    expect(project.root).toBe('specs');
    expect(project.namedInputs?.['specline-specs']).toEqual(['{workspaceRoot}/specs/**/*']);
    expect(project.targets?.export?.inputs).toEqual(['specline-specs', 'specline-shared']);
    expect(project.targets?.export?.options).toMatchObject({ scope: 'catalog' });
    expect(project.targets?.export?.outputs).toEqual(['{workspaceRoot}/build/specline/catalog/export']);
  });

  it('carries the uncached impact target, keyed on the whole specs folder', () => {
    const project = buildCatalogProject(names, context);
    expect(project.targets?.impact).toMatchObject({ executor: '@specline/nx-plugin:impact', cache: false, inputs: ['specline-specs'] });
  });

  it('steps aside when a spec already took the name catalog', () => {
    const project = buildCatalogProject(new Map([...names, ['specs/models/catalog.yaml', 'catalog']]), context);
    expect(project.name).toBe('specline-catalog');
  });
});
