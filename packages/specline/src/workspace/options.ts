/** The plugin's options in nx.json (`plugins: [{ plugin: "@specline/nx-plugin", options: {...} }]`). */
export interface SpeclinePluginOptions {
  /** The folder holding the specs, relative to the workspace root. */
  readonly specsDir?: string;
  /** Where generated code and documents go; each project writes below <outputDir>/<project>. */
  readonly outputDir?: string;
}

export interface NormalizedOptions {
  readonly specsDir: string;
  readonly outputDir: string;
}

/** The executors' defaults too (executors/project-task.ts), so targets leave them out. */
export const DEFAULT_OPTIONS: NormalizedOptions = { specsDir: 'specs', outputDir: 'build/specline' };

export function normalizeOptions(options: SpeclinePluginOptions | undefined): NormalizedOptions {
  const clean = (value: string) => value.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return {
    specsDir: clean(options?.specsDir ?? DEFAULT_OPTIONS.specsDir),
    outputDir: clean(options?.outputDir ?? DEFAULT_OPTIONS.outputDir),
  };
}
