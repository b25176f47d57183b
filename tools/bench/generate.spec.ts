import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadCatalog } from '../../packages/specline/src/load';
import { formatDiagnostics } from '../../packages/specline/src/diagnostics';
import { findSpecFiles } from '../../packages/specline/src/spec';
import { planCatalog } from './catalog-plan';
import { dataformFiles } from './dataform-files';
import { generateWorkspaces } from './generate';
import { specFiles } from './spec-files';

describe('synthetic benchmark catalog', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-bench-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes N=100 specs that validate with no diagnostics at all', async () => {
    const dirs = generateWorkspaces(root, 100);
    const { files } = await findSpecFiles(dirs.specline, 'specs');
    expect(files).toHaveLength(100);
    const { catalog, diagnostics } = await loadCatalog(dirs.specline, files);
    expect(formatDiagnostics(diagnostics)).toBe('');
    expect(catalog?.models.length).toBe(78);
    expect(catalog?.models.some((model) => model.load.strategy === 'scd2')).toBe(true);
    expect(catalog?.models.some((model) => model.groupBy.length > 0)).toBe(true);
  });

  it('writes a Dataform project that the real CLI compiles without graph errors, one table per model', () => {
    const dirs = generateWorkspaces(root, 100);
    const output = execFileSync(path.join(__dirname, '../../node_modules/.bin/dataform'), ['compile', '--json'], {
      cwd: dirs.dataform,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const compiled = JSON.parse(output) as {
      tables?: unknown[];
      declarations?: unknown[];
      graphErrors?: { compilationErrors?: unknown[] };
    };
    expect(compiled.graphErrors?.compilationErrors ?? []).toEqual([]);
    expect(compiled.tables).toHaveLength(78);
    expect(compiled.declarations).toHaveLength(20);
  });

  it('has 10-30 columns per dataset at every size and is byte-identical for the same N', () => {
    for (const size of [100, 1000, 10000]) {
      const plan = planCatalog(size);
      expect(plan.sources.length + plan.models.length + 2).toBe(size);
      const widths = [...plan.sources, ...plan.models].map((dataset) => dataset.columns.length);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
      expect(Math.max(...widths)).toBeLessThanOrEqual(30);
    }
    expect(specFiles(planCatalog(1000))).toEqual(specFiles(planCatalog(1000)));
    expect(dataformFiles(planCatalog(1000))).toEqual(dataformFiles(planCatalog(1000)));
  });
});
