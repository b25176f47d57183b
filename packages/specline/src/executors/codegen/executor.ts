import type { ExecutorContext } from '@nx/devkit';
import { specFileOf } from '../project-spec-file';
import { codegenProject } from './codegen-project';
import type { CodegenExecutorOptions } from './schema';
import { runningTasksOf } from '../workspace-catalog';

export default async function codegenExecutor(options: CodegenExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  runningTasksOf(context, [projectName]);
  const result = await codegenProject(context.root, options, projectName, specFileOf(context, projectName));
  (result.success ? console.log : console.error)(result.report);
  return { success: result.success };
}
