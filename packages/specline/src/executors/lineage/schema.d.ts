export interface LineageExecutorOptions {
  column?: string;
  direction?: 'up' | 'down';
  specsDir?: string;
  outputDir?: string;
}
