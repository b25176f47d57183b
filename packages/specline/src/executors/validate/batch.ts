import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runBatch } from '../run-batch';
import type { ValidateExecutorOptions } from './schema';
import { validateProject } from './validate-project';
import { DEFAULT_OPTIONS } from '../../plugin/options';

/** Nx batch mode: every validate task of a run in this one process, sharing one catalog load. */
export default function validateBatch(taskGraph: TaskGraph, inputs: Record<string, ValidateExecutorOptions>, _overrides: ValidateExecutorOptions, context: ExecutorContext) {
  return runBatch(taskGraph, inputs, context, async (task, options, specFile) => {
    const result = await validateProject(context.root, options.specsDir ?? DEFAULT_OPTIONS.specsDir, task.target.project, specFile);
    return { success: result.success, terminalOutput: result.report };
  });
}
