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
import { writeFileIfChanged } from '../../output';
import { modelOfProject } from '../model-of-project';
import type { ProjectTaskOptions } from '../project-task';
import { seededMemoryWarehouse } from '../seeded-memory-warehouse';

export interface ProjectTestRun {
  readonly success: boolean;
  readonly report: string;
  readonly results: readonly CheckResult[];
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
    results.push(...(await runGenericTests(warehouse.session, catalog, model, warehouse.relationOf(model.name), warehouse.relationOf)));
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
