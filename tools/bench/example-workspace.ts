import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, writeWorkspace } from './workspace';

/** The example catalog (this repository's specs/) as a workspace of its own, and its baseline. */
export interface ExampleWorkspaces {
  readonly specline: string;
  readonly trivial: string;
  /** The DDL file the generator measurement onboards. */
  readonly ddl: string;
}

/**
 * The project names the trivial plugin gives the example's models: one per model spec, named
 * after the file and its folder (see trivial-plugin.js).
 */
export const TRIVIAL_MODEL_PROJECTS = '*-specs-models-*';

/**
 * Copies specs/ into two workspaces: one with Specline, one with the trivial plugin, whose
 * no-op targets are the baseline for `test` (Nx starting one task per model). The Specline
 * workspace also gets a local no-op generator, the baseline for `nx g spec:table`: the same
 * CLI start, project graph and generator machinery, minus our work.
 */
export function writeExampleWorkspaces(root: string): ExampleWorkspaces {
  const dirs = { specline: path.join(root, 'example-specline'), trivial: path.join(root, 'example-trivial') };
  for (const [dir, plugin] of [
    [dirs.specline, 'specline'],
    [dirs.trivial, 'trivial'],
  ] as const) {
    writeWorkspace(dir, [], plugin);
    cpSync(path.join(REPO_ROOT, 'specs'), path.join(dir, 'specs'), { recursive: true });
  }
  const noop = path.join(dirs.specline, 'tools/noop');
  mkdirSync(noop, { recursive: true });
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'noop-generators', version: '0.0.0', generators: './generators.json' }),
    'generators.json': JSON.stringify({
      generators: { noop: { factory: './noop.js', schema: './schema.json', description: 'does nothing' } },
    }),
    'schema.json': JSON.stringify({ type: 'object', properties: {} }),
    'noop.js': 'exports.default = async function noop() {};\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(noop, name), text);
  const ddl = path.join(root, 'billing_accounts.sql');
  writeFileSync(
    ddl,
    'CREATE TABLE billing.accounts (\n  account_id INT64 NOT NULL,\n  email STRING,\n  tier STRING,\n  created_at TIMESTAMP\n);\n',
  );
  return { ...dirs, ddl };
}
