import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSpecsFolder } from '../load';
import { exportCatalog, exportDataset } from './registry';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** sha256 of every review document of a checkout's catalog, by file name. */
async function digests(root: string): Promise<Record<string, string>> {
  const { catalog } = await loadSpecsFolder(root, 'specs');
  const files = [
    ...(await exportCatalog(catalog!)),
    ...[...catalog!.sources, ...catalog!.models].flatMap((dataset) => exportDataset(dataset, catalog!)),
  ];
  return Object.fromEntries(files.map((file) => [file.path, createHash('sha256').update(file.content).digest('hex')]));
}

describe('review documents', () => {
  it('are byte-identical across runs and across checkout paths, the .xlsx included', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'specline-export-'));
    try {
      cpSync(path.join(WORKSPACE, 'specs'), path.join(copy, 'specs'), { recursive: true });
      const here = await digests(WORKSPACE);
      expect(Object.keys(here)).toEqual(
        expect.arrayContaining([
          'catalog.xlsx',
          '00_overview.csv',
          '05_data_lineage.csv',
          'catalog.mmd',
          'model_stg_customers.csv',
          'stg_customers.md',
          'stg_customers.mmd',
        ]),
      );
      expect(await digests(WORKSPACE)).toEqual(here);
      expect(await digests(copy)).toEqual(here);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
