import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { specFileOf } from './project-spec-file';
import { runBatch } from './run-batch';
import { DEFAULT_OPTIONS } from '../workspace/options';
import { batchFinished, runningTasksOf } from './workspace-catalog';
import { keepWasmOnBaselineCompiler } from '../sql';

export interface ProjectTaskOptions {
  specsDir?: string;
  outputDir?: string;
}

/** One project's task: what test and run do, in single or batch mode alike. */
export type ProjectTask<O extends ProjectTaskOptions> = (
  workspaceRoot: string,
  options: O & Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
) => Promise<{ success: boolean; report: string }>;

function withDefaults<O extends ProjectTaskOptions>(options: O): O & Required<ProjectTaskOptions> {
  return { ...options, specsDir: options.specsDir ?? DEFAULT_OPTIONS.specsDir, outputDir: options.outputDir ?? DEFAULT_OPTIONS.outputDir };
}

/** The executor for one project: prints the report, fails the task when the report is a failure. */
export function projectExecutor<O extends ProjectTaskOptions>(task: ProjectTask<O>) {
  return async (options: O, context: ExecutorContext): Promise<{ success: boolean }> => {
    const projectName = context.projectName!;
    keepWasmOnBaselineCompiler();
    runningTasksOf(context, [projectName]);
    let result: { success: boolean; report: string };
    try {
      result = await task(context.root, withDefaults(options), projectName, specFileOf(context, projectName));
    } catch (error) {
      // Infrastructure faults (a DuckDB file that cannot be opened, a full disk) get one line, not a stack trace.
      result = { success: false, report: `${projectName}: ${error instanceof Error ? error.message : String(error)}` };
    }
    (result.success ? console.log : console.error)(result.report);
    return { success: result.success };
  };
}

/** The Nx batch implementation: every task in this one process, sharing the catalog load. */
export function projectBatch<O extends ProjectTaskOptions>(task: ProjectTask<O>) {
  return (taskGraph: TaskGraph, inputs: Record<string, O>, _overrides: O, context: ExecutorContext) => {
    keepWasmOnBaselineCompiler();
    return afterAll(
      runBatch(taskGraph, inputs, context, async (graphTask, options, specFile) => {
        const result = await task(context.root, withDefaults(options), graphTask.target.project, specFile);
        return { success: result.success, terminalOutput: result.report };
      }),
      () => batchFinished(context.root),
    );
  };
}

/** Yields what `results` yields, then runs `finish`. */
async function* afterAll<T>(results: AsyncIterable<T>, finish: () => void): AsyncIterableIterator<T> {
  yield* results;
  finish();
}
