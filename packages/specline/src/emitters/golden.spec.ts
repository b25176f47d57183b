import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exampleCatalog } from '../../test-support/example-catalog';
import { generateAll, GOLDEN_WORKSPACE } from '../../test-support/golden-workspace';

const EXPECTED = path.join(__dirname, '../../test-support/golden/expected');

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/**
 * Golden files for every platform on the fixture catalog. After an intended change, regenerate
 * with UPDATE_GOLDEN=1 npx jest packages/specline/src/emitters/golden.spec.ts and review the diff.
 */
describe('golden files', () => {
  it('match the generated dbt, Dataform, PySpark, SQL and Airflow code file for file', async () => {
    const files = generateAll(await exampleCatalog(GOLDEN_WORKSPACE));
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(EXPECTED, { recursive: true, force: true });
      for (const file of files) {
        mkdirSync(path.dirname(path.join(EXPECTED, file.path)), { recursive: true });
        writeFileSync(path.join(EXPECTED, file.path), file.content);
      }
    }
    expect(files.map((file) => file.path).sort()).toEqual(listFiles(EXPECTED));
    for (const file of files)
      expect(`${file.path}\n${file.content}`).toBe(`${file.path}\n${readFileSync(path.join(EXPECTED, file.path), 'utf8')}`);
  });
});
