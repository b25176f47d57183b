import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateCatalogCode, generateDatasetCode } from '../emitters';
import { ownership } from '../output';
import { findSpecFiles } from '../spec';
import { exampleCatalog, WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { GOLDEN_WORKSPACE } from '../../test-support/golden-workspace';
import { codeOutputs } from './code-outputs';
import { summarizeSpec, type SpecSummary } from './spec-summary';

/**
 * The outputs the plugin declares for each codegen target come from the spec summaries; the
 * files come from the emitters on the resolved catalog. Nx caches, restores and prunes by the
 * former, so they must be the same paths, and cover every file written.
 */
describe.each([
  ['the example catalog', WORKSPACE_ROOT],
  ['the fixture catalog', GOLDEN_WORKSPACE],
])('codegen outputs declared for %s', (_name, root) => {
  it('are exactly the paths each project writes, and cover every file', async () => {
    const catalog = await exampleCatalog(root);
    const { files } = await findSpecFiles(root, 'specs');
    const summaries = files.map((file) => summarizeSpec(file, readFileSync(path.join(root, file), 'utf8')));
    const outputs = codeOutputs(summaries.find((summary) => summary.kind === 'constitution'));
    const byName = new Map(summaries.filter((summary) => summary.name).map((summary): [string, SpecSummary] => [summary.name!, summary]));
    for (const dataset of catalog.datasets.values()) {
      const code = generateDatasetCode(catalog, dataset);
      expect([dataset.name, outputs.datasetPaths(byName.get(dataset.name)!)]).toEqual([dataset.name, code.paths]);
      const owned = ownership(code.paths);
      expect(code.files.map((file) => file.path).filter((file) => !owned(file))).toEqual([]);
    }
    const catalogCode = generateCatalogCode(catalog);
    expect(outputs.catalogPaths).toEqual(catalogCode.paths);
    const owned = ownership(catalogCode.paths);
    expect(catalogCode.files.map((file) => file.path).filter((file) => !owned(file))).toEqual([]);
  });
});
