import type { ExecutorContext } from '@nx/devkit';
import { DEFAULT_OPTIONS } from '../../workspace/options';
import { pruneGenerated } from './prune-generated';
import type { PruneExecutorOptions } from './schema';

export default async function pruneExecutor(options: PruneExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const outputDir = options.outputDir ?? DEFAULT_OPTIONS.outputDir;
  const removed = pruneGenerated(context.root, outputDir, context.projectGraph);
  console.log(
    removed.length
      ? `${context.projectName}: removed ${removed.length} generated files no spec owns from ${outputDir}:\n${removed.map((file) => `  ${file}`).join('\n')}`
      : `${context.projectName}: every generated file in ${outputDir} belongs to a current spec.`,
  );
  return { success: true };
}
