import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from './example-catalog';

/**
 * A scratch Nx workspace holding a copy of the example specs, this repository's nx.json
 * plugin entry and the committed generated code it names, with the repository's node_modules
 * linked in, so the real `nx` CLI runs the built plugin (jest's global setup builds it) on it.
 * No daemon, no cloud: every call computes the graph afresh, as CI does. Nx's cache is off
 * unless `cache` asks for it.
 */
export interface ScratchNxWorkspace {
  readonly root: string;
  /** Runs `nx <args>` in the workspace and returns its standard output. */
  nx(args: readonly string[]): string;
  cleanup(): void;
}

export function scratchNxWorkspace(options: { cache?: boolean } = {}): ScratchNxWorkspace {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specline-nx-'));
  cpSync(path.join(WORKSPACE_ROOT, 'specs'), path.join(root, 'specs'), { recursive: true });
  const nxJson = JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'nx.json'), 'utf8')) as {
    plugins: { options?: { generatedDir?: string } }[];
  };
  const generatedDir = nxJson.plugins[0]?.options?.generatedDir;
  if (generatedDir) cpSync(path.join(WORKSPACE_ROOT, generatedDir), path.join(root, generatedDir), { recursive: true });
  writeFileSync(
    path.join(root, 'nx.json'),
    JSON.stringify({ plugins: nxJson.plugins, neverConnectToCloud: true, defaultBase: 'main' }, null, 2),
  );
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  symlinkSync(path.join(WORKSPACE_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  // The CLI as package.json's bin names it, so an Nx upgrade that moves it still resolves.
  const nxPackage = require.resolve('nx/package.json', { paths: [WORKSPACE_ROOT] });
  const nxBin = path.join(path.dirname(nxPackage), (JSON.parse(readFileSync(nxPackage, 'utf8')) as { bin: { nx: string } }).bin.nx);
  return {
    root,
    nx: (args) =>
      execFileSync(process.execPath, [nxBin, ...args], {
        cwd: root,
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          ...(options.cache ? {} : { NX_SKIP_NX_CACHE: 'true' }),
        },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
