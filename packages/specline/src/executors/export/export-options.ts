export interface ExportOptions {
  specsDir?: string;
  outputDir?: string;
  /** `dataset` documents the project's own spec; `catalog` documents the whole catalog. */
  scope?: 'dataset' | 'catalog';
}
