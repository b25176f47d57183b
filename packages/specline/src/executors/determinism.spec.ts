import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Every generated file and document of the example catalog, digested in a fresh process. Two
 * processes, seconds apart and in different time zones, must agree byte for byte: memoisation
 * inside one process cannot hide a leak, and a clock or zone in the output would show.
 */
const DIGEST_SCRIPT = `
const { createHash } = require('node:crypto');
const { loadSpecsFolder } = require(${JSON.stringify(path.join(ROOT, 'packages/specline/src/load'))});
const { generateCatalogCode, generateDatasetCode } = require(${JSON.stringify(path.join(ROOT, 'packages/specline/src/emitters'))});
const { exportCatalog, exportDataset } = require(${JSON.stringify(path.join(ROOT, 'packages/specline/src/exporters'))});
(async () => {
  const { catalog } = await loadSpecsFolder(process.argv[2], 'specs');
  const files = [];
  for (const dataset of [...catalog.sources, ...catalog.models]) {
    files.push(...generateDatasetCode(catalog, dataset).files.map((f) => [dataset.name + '/codegen/' + f.path, f.content]));
    files.push(...exportDataset(dataset, catalog).map((f) => [dataset.name + '/export/' + f.path, f.content]));
  }
  files.push(...generateCatalogCode(catalog).files.map((f) => ['catalog/codegen/' + f.path, f.content]));
  files.push(...(await exportCatalog(catalog)).map((f) => ['catalog/export/' + f.path, f.content]));
  const digests = Object.fromEntries(files.map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')]).sort());
  process.stdout.write(JSON.stringify(digests));
})();
`;

describe('generated code and documents', () => {
  it('are byte-identical across processes, seconds apart, in different time zones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specline-determinism-'));
    try {
      const script = path.join(dir, 'digest.js');
      writeFileSync(script, DIGEST_SCRIPT);
      const run = (zone: string) =>
        JSON.parse(
          execFileSync(process.execPath, ['-r', '@swc-node/register', script, ROOT], {
            cwd: ROOT,
            env: { ...process.env, TZ: zone },
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          }),
        ) as Record<string, string>;
      const first = run('UTC');
      const second = run('Pacific/Kiritimati');
      expect(Object.keys(first).length).toBeGreaterThan(150);
      expect(Object.keys(first).some((name) => name.endsWith('catalog.xlsx'))).toBe(true);
      expect(second).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
