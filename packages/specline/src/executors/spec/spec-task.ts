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

/**
 * Every spec task behind one executor, because Nx groups a batch by executor and runs batches
 * one after another, each in its own process: with one executor per task, a run of validate,
 * codegen, export and test started four processes that each loaded and resolved the catalog.
 * Now it is one process and one load.
 */
export const specTask: ProjectTask<SpecExecutorOptions> = (workspaceRoot, options, projectName, specFile) => {
  const task = TASKS[options.task];
  if (!task) return Promise.resolve({ success: false, report: `${projectName}: "${String(options.task)}" is not a spec task; use one of ${Object.keys(TASKS).join(', ')}.` });
  return task(workspaceRoot, options, projectName, specFile);
};
