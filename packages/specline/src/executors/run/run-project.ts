import { renameSync, rmSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { DuckSession, SeedWarehouse } from '../../duckdb';
import { formatReport, runGenericTests, succeeded, timedCheck, type CheckResult } from '../../testing';
import { modelOfProject } from '../model-of-project';
import type { ProjectTaskOptions } from '../project-task';

export interface ProjectRun {
  readonly success: boolean;
  readonly report: string;
}

/**
 * Builds the model, everything upstream and what its relationships tests look up into one
 * DuckDB file per project (<outputDir>/run/<project>.duckdb): one file per project, not one
 * shared database, because Nx runs tasks in parallel processes and DuckDB allows one writer
 * per file. The file is built under a temporary name and renamed, so a failed build never
 * replaces a good database.
 */
export async function runProject(
  workspaceRoot: string,
  { specsDir, outputDir }: Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectRun> {
  const found = await modelOfProject(workspaceRoot, specsDir, projectName, specFile);
  if (!found.ok) return { success: false, report: found.report };
  const { catalog, model } = found;
  const relativeFile = path.posix.join(outputDir, 'run', `${projectName}.duckdb`);
  const file = path.join(workspaceRoot, relativeFile);
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(temporary, { force: true });
  const session = await DuckSession.open(temporary);
  const results: CheckResult[] = [];
  try {
    const warehouse = new SeedWarehouse(session, catalog, workspaceRoot);
    const build = await timedCheck('build', `build ${model.name} and upstream from seed CSVs`, async () => {
      await warehouse.ensureWithTestTargets(model.name);
      return { status: 'passed' };
    });
    results.push(build);
    if (build.status === 'passed')
      results.push(...(await runGenericTests(session, catalog, model, warehouse.relationOf(model.name), warehouse.relationOf)));
  } finally {
    session.close();
  }
  const success = succeeded(results);
  if (success) renameSync(temporary, file);
  else rmSync(temporary, { force: true });
  const where = success ? `built ${relativeFile}` : `not written (${relativeFile} keeps its last good build)`;
  return { success, report: formatReport(`${projectName} (${specFile}): ${where}`, results) };
}
