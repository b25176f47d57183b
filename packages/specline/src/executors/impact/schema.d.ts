export interface ImpactExecutorOptions {
  base: string;
  head?: string;
  failOn?: 'breaking' | 'data-changing' | 'non-breaking';
  specsDir?: string;
  outputDir?: string;
}
