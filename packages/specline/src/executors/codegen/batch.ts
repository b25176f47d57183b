import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runBatch } from '../run-batch';
import { codegenProject } from './codegen-project';
import type { CodegenExecutorOptions } from './schema';

/** Nx batch mode: every codegen task of a run in this one process, sharing one catalog load. */
export default function codegenBatch(taskGraph: TaskGraph, inputs: Record<string, CodegenExecutorOptions>, _overrides: CodegenExecutorOptions, context: ExecutorContext) {
  return runBatch(taskGraph, inputs, context, async (task, options, specFile) => {
    const result = await codegenProject(context.root, options, task.target.project, specFile);
    return { success: result.success, terminalOutput: result.report };
  });
}
