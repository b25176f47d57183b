import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runBatch } from '../run-batch';
import { exportProject } from './export-project';
import type { ExportExecutorOptions } from './schema';

/** Nx batch mode: every export task of a run in this one process, sharing one catalog load. */
export default function exportBatch(taskGraph: TaskGraph, inputs: Record<string, ExportExecutorOptions>, _overrides: ExportExecutorOptions, context: ExecutorContext) {
  return runBatch(taskGraph, inputs, context, async (task, options, specFile) => {
    const result = await exportProject(context.root, options, task.target.project, specFile);
    return { success: result.success, terminalOutput: result.report };
  });
}
