export interface CodegenOptions {
  specsDir?: string;
  outputDir?: string;
  /** `dataset` generates the project's own source or model; `catalog` the catalog-wide files. */
  scope?: 'dataset' | 'catalog';
}
