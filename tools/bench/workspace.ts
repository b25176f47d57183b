import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchFile } from './spec-files';

/** The repository whose node_modules every generated workspace links to (no install per workspace). */
export const REPO_ROOT = path.resolve(__dirname, '../..');

export type PluginChoice = 'specline' | 'trivial';

/**
 * Writes a complete Nx workspace: package.json, nx.json registering the plugin, a
 * tsconfig.base.json, node_modules linked to this repository's, and the given files.
 * `trivial` registers tools/bench/trivial-plugin.js instead: same files, a plugin that does
 * nothing but name one project per spec, the baseline for the graph measurement.
 */
export function writeWorkspace(dir: string, files: readonly BenchFile[], plugin: PluginChoice): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pluginEntry =
    plugin === 'specline'
      ? { plugin: '@specline/nx-plugin', options: { specsDir: 'specs', outputDir: 'build/specline' } }
      : { plugin: path.relative(dir, path.join(__dirname, 'trivial-plugin.js')).split(path.sep).join('/'), options: { specsDir: 'specs' } };
  const workspace: BenchFile[] = [
    { path: 'package.json', text: json({ name: 'specline-bench', version: '0.0.0', private: true }) },
    // Both workspaces hold only specs, no JS/TS imports, so Nx's source-import analysis is switched
    // off in both: on warm graphs at 10,000 projects it alone took ~14 s.
    {
      path: 'nx.json',
      text: json({
        neverConnectToCloud: true,
        plugins: [pluginEntry],
        pluginsConfig: { '@nx/js': { analyzeSourceFiles: false } },
        targetDefaults: { validate: { cache: true } },
        defaultBase: 'main',
      }),
    },
    {
      path: 'tsconfig.base.json',
      text: json({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true } }),
    },
    { path: '.gitignore', text: 'node_modules\nbuild\n.nx\n' },
  ];
  for (const file of [...workspace, ...files]) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
