import * as path from 'node:path';
import {
  succeeded,
  formatReport,
  runGenericTests,
  runUnitTests,
  specImplementation,
  toJUnitXml,
  runPropertyTests,
  type CheckResult,
} from '../../testing';
import { isModel, type Catalog, type Model } from '../../catalog';
import type { SeedWarehouse } from '../../duckdb';
import { writeFileIfChanged } from '../../output';
import { modelOfProject } from '../model-of-project';
import type { ProjectTaskOptions } from '../project-task';
import { seededMemoryWarehouse } from '../seeded-memory-warehouse';

export interface ProjectTestRun {
  readonly success: boolean;
  readonly report: string;
  readonly results: readonly CheckResult[];
}

const rowCount = async (warehouse: SeedWarehouse, name: string): Promise<number> =>
  Number((await warehouse.session.rows(`SELECT COUNT(*) AS n FROM ${warehouse.relationOf(name)}`))[0]?.['n'] ?? 0);

/**
 * A generic test on an empty table finds no offending row, so it would pass without testing
 * anything: when the model built from the seeds has no rows, every such check is skipped,
 * with the inputs that have no rows (a source without a seed CSV, say) named as the reason.
 */
async function skippedWhenEmpty(warehouse: SeedWarehouse, catalog: Catalog, model: Model, generic: CheckResult[]): Promise<CheckResult[]> {
  if ((await rowCount(warehouse, model.name)) > 0) return generic;
  const empty: string[] = [];
  for (const input of model.inputs) {
    if ((await rowCount(warehouse, input.ref)) > 0) continue;
    const dataset = catalog.datasets.get(input.ref);
    const why = dataset && !isModel(dataset) && !dataset.seed ? ' (a source without a seed CSV)' : '';
    empty.push(`${input.ref}${why}`);
  }
  const reason = `${model.name} has no rows to test: built from the seed CSVs it is empty${
    empty.length ? `, since ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no rows` : ''
  }. Add seed rows so that this check tests something.`;
  return generic.map((result) => (result.status === 'passed' ? { ...result, status: 'skipped', message: reason } : result));
}

/** The test target of one model: generic tests on seed-built data, unit tests, property tests; JUnit XML beside. */
export async function testProject(
  workspaceRoot: string,
  { specsDir, outputDir }: Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectTestRun> {
  const found = await modelOfProject(workspaceRoot, specsDir, projectName, specFile);
  if (!found.ok) return { success: false, report: found.report, results: [] };
  const { catalog, model } = found;
  const results: CheckResult[] = [];
  const warehouse = await seededMemoryWarehouse(catalog, workspaceRoot);
  try {
    await warehouse.ensureWithTestTargets(model.name);
    const generic = await runGenericTests(warehouse.session, catalog, model, warehouse.relationOf(model.name), warehouse.relationOf);
    results.push(...(await skippedWhenEmpty(warehouse, catalog, model, generic)));
  } catch (error) {
    results.push({
      suite: 'generic',
      name: 'build from seed CSVs',
      status: 'error',
      durationMs: 0,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  let implementation;
  try {
    implementation = specImplementation(catalog, model);
  } catch (error) {
    // The model cannot be compiled for DuckDB (e.g. a function DuckDB lacks): the unit and
    // property tests cannot run, which is an error result, not a crash.
    results.push({
      suite: 'unit',
      name: 'compile the model for DuckDB',
      status: 'error',
      durationMs: 0,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  if (implementation) {
    results.push(...(await runUnitTests(catalog, model, implementation)));
    results.push(...(await runPropertyTests(catalog, model, implementation)));
  }
  writeFileIfChanged(path.join(workspaceRoot, outputDir, projectName, 'test-results.xml'), toJUnitXml(projectName, results));
  return {
    success: succeeded(results),
    report: formatReport(`${projectName} (${specFile}): spec-derived tests on DuckDB`, results),
    results,
  };
}
