import type { ExecutorContext } from '@nx/devkit';
import { specFileOf } from '../project-spec-file';
import type { ValidateExecutorOptions } from './schema';
import { validateProject } from './validate-project';
import { DEFAULT_OPTIONS } from '../../plugin/options';
import { runningTasksOf } from '../workspace-catalog';

export default async function validateExecutor(options: ValidateExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  runningTasksOf(context, [projectName]);
  const result = await validateProject(context.root, options.specsDir ?? DEFAULT_OPTIONS.specsDir, projectName, specFileOf(context, projectName));
  (result.success ? console.log : console.error)(result.report);
  return { success: result.success };
}
