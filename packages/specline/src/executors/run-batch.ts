import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { specFileOf } from './project-spec-file';
import { runningTasksOf } from './workspace-catalog';

type Task = TaskGraph['tasks'][string];
export interface BatchTaskResult {
  readonly success: boolean;
  readonly terminalOutput: string;
}

/**
 * Runs a batch's tasks in dependency order and yields each result as soon as it is known,
 * so Nx prints progress and caches results while the batch is still running. A task whose
 * dependency failed is reported as skipped, not run.
 */
export async function* runBatch<O>(
  taskGraph: TaskGraph,
  inputs: Record<string, O>,
  context: ExecutorContext,
  run: (task: Task, options: O, specFile: string) => Promise<BatchTaskResult>,
): AsyncIterableIterator<{
  task: string;
  result: BatchTaskResult & { startTime: number; endTime: number; status?: 'success' | 'failure' | 'skipped' };
}> {
  runningTasksOf(
    context,
    Object.values(taskGraph.tasks).map((task) => task.target.project),
  );
  const failed = new Set<string>();
  for (const taskId of orderTasks(taskGraph)) {
    const task = taskGraph.tasks[taskId];
    const startTime = Date.now();
    if ((taskGraph.dependencies[taskId] ?? []).some((dependency) => failed.has(dependency))) {
      failed.add(taskId);
      yield {
        task: taskId,
        result: {
          success: false,
          status: 'skipped',
          terminalOutput: `${taskId}: skipped because a task it depends on failed.`,
          startTime,
          endTime: Date.now(),
        },
      };
      continue;
    }
    let result: BatchTaskResult;
    try {
      result = await run(task, inputs[taskId], specFileOf(context, task.target.project));
    } catch (error) {
      // An infrastructure fault in one task must not take the whole batch down.
      result = { success: false, terminalOutput: `${taskId}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!result.success) failed.add(taskId);
    yield { task: taskId, result: { ...result, startTime, endTime: Date.now() } };
  }
}

function orderTasks(taskGraph: TaskGraph): string[] {
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (taskId: string) => {
    if (visited.has(taskId)) return;
    visited.add(taskId);
    for (const dependency of [...(taskGraph.dependencies[taskId] ?? [])].sort()) if (taskGraph.tasks[dependency]) visit(dependency);
    order.push(taskId);
  };
  for (const taskId of Object.keys(taskGraph.tasks).sort()) visit(taskId);
  return order;
}
