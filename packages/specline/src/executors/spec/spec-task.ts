import { codegenProject } from '../codegen/codegen-project';
import { exportProject } from '../export/export-project';
import type { ProjectTask } from '../project-task';
import { runProject } from '../run/run-project';
import { testProject } from '../test/test-project';
import { validateProject } from '../validate/validate-project';
import type { SpecExecutorOptions, SpecTaskName } from './schema';

const TASKS: Readonly<Record<SpecTaskName, ProjectTask<SpecExecutorOptions>>> = {
  validate: (root, options, project, file) => validateProject(root, options.specsDir, project, file),
  codegen: codegenProject,
  export: exportProject,
  test: testProject,
  run: runProject,
};

export const SPEC_TASKS = Object.keys(TASKS) as SpecTaskName[];

/**
 * One spec task, as the executor of that name runs it (executors.json points validate,
 * codegen, export, test and run at the exports of executor.ts and batch.ts).
 *
 * They stay five executors, not one told apart by an option, although Nx runs batches one
 * after another, each loading the catalog: Nx 23.3 keeps, for every task of a batch, a list
 * of all the others (PerformanceLifeCycle.registerRunningBatch), so one batch of 30,000 tasks
 * (10,000 specs) took 9 GB in Nx's own process and ran it out of heap. Five batches of at
 * most one task per spec stay within it.
 */
export function specTaskOf(name: SpecTaskName): ProjectTask<SpecExecutorOptions> {
  return TASKS[name];
}
