/** The plugin's options in nx.json (`plugins: [{ plugin: "@specline/nx-plugin", options: {...} }]`). */
export interface SpeclinePluginOptions {
  /** The folder holding the specs, relative to the workspace root. */
  readonly specsDir?: string;
  /** Where generated code and documents go: the platform trees, and each project's own files below <outputDir>/<project>. */
  readonly outputDir?: string;
  /**
   * A committed folder kept equal to the platform trees codegen generates (dbt/, dataform/,
   * airflow/, sql/, pyspark/), by the `sync-generated` sync generator: `nx sync` updates it,
   * `nx sync:check` fails while it is stale. Unset: no such folder.
   */
  readonly generatedDir?: string;
}

export interface NormalizedOptions {
  readonly specsDir: string;
  readonly outputDir: string;
  readonly generatedDir?: string;
}

/** The executors' defaults too (executors/project-task.ts), so targets leave them out. */
export const DEFAULT_OPTIONS: NormalizedOptions = { specsDir: 'specs', outputDir: 'build/specline' };

export function normalizeOptions(options: SpeclinePluginOptions | undefined): NormalizedOptions {
  const clean = (value: string) => value.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return {
    specsDir: clean(options?.specsDir ?? DEFAULT_OPTIONS.specsDir),
    outputDir: clean(options?.outputDir ?? DEFAULT_OPTIONS.outputDir),
    ...(options?.generatedDir ? { generatedDir: clean(options.generatedDir) } : {}),
  };
}
