export interface PruneExecutorOptions {
  specsDir?: string;
  outputDir?: string;
}
