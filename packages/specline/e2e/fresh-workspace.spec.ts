import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The README's "Use it in your workspace" steps, run as a new user runs them, the way Nx tests
 * its own plugins: build and pack the plugin, make a workspace that has nothing but a
 * package.json, nx.json and nx (no tsconfig, no TypeScript, no swc), install the tarball with
 * `nx add`, onboard a table from a DDL file given by an absolute path outside the workspace,
 * scaffold a model, run every cached target, edit one spec and check that `nx affected` runs
 * only what the edit touches. Only the npm registry is reached (through npm's cache first).
 */
const REPO = path.resolve(__dirname, '../../..');
const NX_VERSION: string = JSON.parse(readFileSync(path.join(REPO, 'node_modules/nx/package.json'), 'utf8')).version;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  CI: 'true',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
// jest sets these for its own process; the user's shell has neither.
delete env['JEST_WORKER_ID'];
delete env['NODE_ENV'];

function run(cwd: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: 'pipe', timeout: 600_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

function commitAll(cwd: string, message: string): void {
  run(cwd, 'git', ['add', '-A']);
  run(cwd, 'git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-qm', message]);
}

/** The tasks Nx actually executed (not read from its cache), from its static output. */
function executedTasks(output: string): string[] {
  return (
    output
      .split('\n')
      .map((line) => /^> nx run (\S+)(.*)$/.exec(line.trim()))
      .filter(
        (match): match is RegExpExecArray =>
          match !== null && !match[2].includes('[local cache]') && !match[2].includes('[existing outputs match the cache'),
      )
      .map((match) => match[1])
      // Batch mode prints a task's header twice in static output.
      .filter((task, index, all) => all.indexOf(task) === index)
      .sort()
  );
}

describe('the packed plugin in a fresh Nx workspace', () => {
  let scratch: string;
  let workspace: string;
  let tarball: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'specline-fresh-'));
    workspace = path.join(scratch, 'acme-data');
    mkdirSync(workspace);
    // Pack, as a release does; jest's global setup has built dist/ from the current sources.
    const packed = JSON.parse(run(REPO, 'npm', ['pack', './packages/specline', '--json', '--pack-destination', scratch]));
    tarball = path.join(scratch, packed[0].filename);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs compiled JavaScript with types, and no tests, fixtures or golden files', () => {
    const files = run(scratch, 'tar', ['tzf', tarball]).trim().split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/executors.json', 'package/generators.json']),
    );
    expect(files.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.spec\.|__snapshots__|golden|fixture|test-support|e2e/.test(file))).toEqual([]);
    const manifest = JSON.parse(run(scratch, 'tar', ['xzOf', tarball, 'package/package.json']));
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.peerDependencies).toHaveProperty('nx');
    expect(manifest.peerDependencies).toHaveProperty('@nx/devkit');
    expect(manifest.dependencies).not.toHaveProperty('@nx/devkit');
  });

  it('installs with nx add, onboards a table and a model, runs every target, and affected runs only what an edit touches', () => {
    writeFileSync(
      path.join(workspace, 'package.json'),
      `${JSON.stringify({ name: 'acme-data', version: '0.0.0', private: true }, null, 2)}\n`,
    );
    writeFileSync(path.join(workspace, 'nx.json'), `${JSON.stringify({ neverConnectToCloud: true }, null, 2)}\n`);
    // As create-nx-workspace leaves it: Nx's own folders ignored, and a first commit (before
    // any commit, Nx 23 hashes tasks differently, so the first cached run would not count).
    writeFileSync(path.join(workspace, '.gitignore'), 'node_modules\n.nx/cache\n.nx/workspace-data\n');
    run(workspace, 'npm', ['install', '-D', `nx@${NX_VERSION}`]);
    run(workspace, 'git', ['init', '-q', '-b', 'main']);
    commitAll(workspace, 'workspace');
    expect(existsSync(path.join(workspace, 'tsconfig.base.json')) || existsSync(path.join(workspace, 'node_modules/typescript'))).toBe(
      false,
    );

    // README: npx nx add @specline/nx-plugin (here from the tarball, as before a release).
    run(workspace, 'npx', ['nx', 'add', `@specline/nx-plugin@file:${tarball}`]);
    const nxJson = JSON.parse(readFileSync(path.join(workspace, 'nx.json'), 'utf8'));
    expect(nxJson.plugins.map((p: string | { plugin: string }) => (typeof p === 'string' ? p : p.plugin))).toContain('@specline/nx-plugin');
    expect(readFileSync(path.join(workspace, 'specs/constitution.yaml'), 'utf8')).toMatch(/^name: acme_data$/m);
    expect(readFileSync(path.join(workspace, '.gitignore'), 'utf8').split('\n')).toContain('build/specline');
    // The short collection name is an npm alias of the same package.
    const devDependencies = JSON.parse(readFileSync(path.join(workspace, 'package.json'), 'utf8')).devDependencies;
    expect(devDependencies.spec).toBe(devDependencies['@specline/nx-plugin']);
    expect(JSON.parse(readFileSync(path.join(workspace, 'node_modules/spec/package.json'), 'utf8')).name).toBe('@specline/nx-plugin');

    // A DDL file where users keep them: outside the workspace, by absolute path.
    const downloads = path.join(scratch, 'downloads');
    mkdirSync(downloads);
    const ddl = path.join(downloads, 'leads.sql');
    writeFileSync(
      ddl,
      'CREATE TABLE leads (\n  lead_id INT64 NOT NULL,\n  email STRING,\n  country STRING,\n  updated_at TIMESTAMP NOT NULL,\n  PRIMARY KEY (lead_id) NOT ENFORCED\n);\n',
    );
    const csv = path.join(downloads, 'accounts.csv');
    writeFileSync(csv, 'account_id,name,country\n1,Acme,SE\n2,Globex,US\n3,Initech,DE\n');
    const leads = path.join(workspace, 'specs/sources/crm/leads.yaml');
    const table = ['nx', 'g', 'spec:table', '--system=crm', '--table=leads', `--ddl=${ddl}`, '--cursor=updated_at', '--no-interactive'];
    run(workspace, 'npx', [...table, '--dry-run']);
    expect(existsSync(leads)).toBe(false);
    run(workspace, 'npx', table);
    const written = readFileSync(leads, 'utf8');
    // A different second run refuses to overwrite the user's spec without --force, and leaves it as it was.
    expect(() =>
      run(
        workspace,
        'npx',
        table.filter((arg) => arg !== '--cursor=updated_at'),
      ),
    ).toThrow(/Refusing to overwrite/);
    expect(readFileSync(leads, 'utf8')).toBe(written);
    run(workspace, 'npx', [
      'nx',
      'g',
      '@specline/nx-plugin:table',
      '--system=crm',
      '--table=accounts',
      `--csv=${path.relative(workspace, csv)}`,
      '--primaryKey=account_id',
      '--seed',
      '--no-interactive',
    ]);
    run(workspace, 'npx', ['nx', 'g', 'spec:model', '--name=stg_accounts', '--inputs=crm_accounts', '--no-interactive']);
    run(workspace, 'npx', ['nx', 'g', 'spec:model', '--name=stg_leads', '--inputs=crm_leads', '--no-interactive']);
    run(workspace, 'npx', ['nx', 'g', 'spec:model', '--name=int_accounts', '--inputs=stg_accounts', '--no-interactive']);
    // A filter with a threshold to edit below.
    const model = path.join(workspace, 'specs/models/staging/stg_accounts.yaml');
    const scaffolded = readFileSync(model, 'utf8');
    const filtered = scaffolded.replace(
      /(- ref: crm_accounts\n(\s+)alias: (\w+)\n)/,
      '$1$2filter: $3.account_id >= 0\n$2rationale: Accounts below 0 are test accounts.\n',
    );
    expect(filtered).not.toBe(scaffolded);
    writeFileSync(model, filtered);
    expect(written).not.toContain(scratch);
    expect(existsSync(path.join(workspace, 'specs/sources/crm/accounts.csv'))).toBe(true);

    const cold = run(workspace, 'npx', ['nx', 'run-many', '-t', 'validate,codegen,export,test', '--outputStyle=static']);
    const sources = ['crm_accounts', 'crm_leads'];
    const models = ['stg_accounts', 'stg_leads', 'int_accounts'];
    const every = [...sources, ...models].flatMap((p) => ['validate', 'codegen', 'export'].map((t) => `${p}:${t}`));
    expect(executedTasks(cold)).toEqual(expect.arrayContaining([...every, ...models.map((m) => `${m}:test`)]));
    expect(cold).toMatch(/Successfully ran targets validate, codegen, export, test/);
    expect(existsSync(path.join(workspace, 'build/specline/stg_accounts/codegen/contract.json'))).toBe(true);
    // One deployable tree per platform: the dbt project holds every project's files and the catalog's.
    expect(existsSync(path.join(workspace, 'build/specline/dbt/models/staging/stg_accounts.sql'))).toBe(true);
    expect(existsSync(path.join(workspace, 'build/specline/dbt/dbt_project.yml'))).toBe(true);
    expect(existsSync(path.join(workspace, 'build/specline/stg_accounts/export'))).toBe(true);

    commitAll(workspace, 'specs');
    writeFileSync(
      model,
      readFileSync(model, 'utf8').replace(/^description: .*$/m, 'description: One row per customer account, renamed and cleaned.'),
    );
    const affected = run(workspace, 'npx', ['nx', 'affected', '-t', 'validate,codegen,test', '--base=main', '--outputStyle=static']);
    // Only the edited model's validate and codegen run: its description is prose, so its reader
    // int_accounts (affected, as downstream of it) and the catalog's code come from the cache,
    // and so does its own test (keyed on the spec without its prose). The catalog's prune is
    // never cached: it is what removes a deleted spec's files.
    expect(executedTasks(affected)).toEqual(['catalog:prune', 'stg_accounts:codegen', 'stg_accounts:validate']);
    const fromCache = (task: string) => new RegExp(`> nx run ${task} {2}\\[(local cache|existing outputs match the cache, left as is)\\]`);
    expect(affected).toMatch(fromCache('stg_accounts:test'));
    expect(affected).toMatch(fromCache('int_accounts:test'));
    expect(affected).not.toMatch(/> nx run (crm_leads|stg_leads|crm_accounts):/);

    // A changed threshold changes the model's rows, not its columns: its reader's test runs
    // again (its data changed), its reader's validate and codegen come from the cache.
    commitAll(workspace, 'description');
    writeFileSync(model, readFileSync(model, 'utf8').replace('account_id >= 0', 'account_id >= 2'));
    const thresholdEdit = run(workspace, 'npx', ['nx', 'affected', '-t', 'validate,codegen,test', '--base=main', '--outputStyle=static']);
    expect(executedTasks(thresholdEdit)).toEqual([
      'catalog:codegen',
      'catalog:prune',
      'int_accounts:test',
      'stg_accounts:codegen',
      'stg_accounts:test',
      'stg_accounts:validate',
    ]);
    expect(thresholdEdit).toMatch(fromCache('int_accounts:validate'));
    expect(thresholdEdit).toMatch(fromCache('int_accounts:codegen'));
  });
});
