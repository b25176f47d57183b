import type { ExecutorContext } from '@nx/devkit';
import { impactOfChange } from './impact-of-change';
import type { ImpactExecutorOptions } from './schema';

/** `nx run catalog:impact --base=<ref> [--head=<ref>] [--fail-on=breaking]`: one run, the whole catalog at each revision. */
export default async function impactExecutor(options: ImpactExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  let result: { success: boolean; report: string };
  try {
    result = await impactOfChange(context.root, options);
  } catch (error) {
    // A git that cannot run or a full disk: one line, not a stack trace.
    result = { success: false, report: `impact: ${error instanceof Error ? error.message : String(error)}` };
  }
  (result.success ? console.log : console.error)(result.report);
  return { success: result.success };
}
