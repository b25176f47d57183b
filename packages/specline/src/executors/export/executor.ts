import type { ExecutorContext } from '@nx/devkit';
import { specFileOf } from '../project-spec-file';
import { exportProject } from './export-project';
import type { ExportExecutorOptions } from './schema';
import { runningTasksOf } from '../workspace-catalog';

export default async function exportExecutor(options: ExportExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  runningTasksOf(context, [projectName]);
  const result = await exportProject(context.root, options, projectName, specFileOf(context, projectName));
  (result.success ? console.log : console.error)(result.report);
  return { success: result.success };
}
