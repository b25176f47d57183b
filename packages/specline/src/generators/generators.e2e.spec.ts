import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../../../..');

/**
 * The README's onboarding commands through the real `npx nx g`, in a fresh workspace that
 * only links this repository's node_modules (where `spec` resolves to the plugin). One
 * workspace, a handful of runs: each nx start costs seconds.
 */
describe('generators end to end through nx g', () => {
  let root: string;
  const nx = (...args: string[]) =>
    execFileSync('npx', ['nx', 'g', ...args, '--no-interactive'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, encoding: 'utf-8', stdio: 'pipe' });
  const sha = (file: string) => createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-e2e-'));
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'package.json'), '{ "name": "e2e", "private": true }\n');
    writeFileSync(path.join(root, 'nx.json'), '{}\n');
    // The plugin ships TypeScript sources; Nx transpiles them with the workspace tsconfig.
    writeFileSync(path.join(root, 'tsconfig.base.json'), '{ "compilerOptions": { "target": "es2022", "module": "commonjs", "esModuleInterop": true, "skipLibCheck": true } }\n');
    writeFileSync(path.join(root, 'leads.sql'), 'CREATE TABLE leads (lead_id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(200), updated_at TIMESTAMP NOT NULL);\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('init, then the README table commands: write, --dry-run writes nothing, a second run refuses', () => {
    nx('spec:init', '--name=shop');
    expect(JSON.parse(readFileSync(path.join(root, 'nx.json'), 'utf-8')).plugins[0].plugin).toBe('@specline/nx-plugin');
    const table = 'specs/sources/crm/leads.yaml';
    nx('spec:table', '--system=crm', '--table=leads', '--ddl=leads.sql', '--cursor=updated_at', '--dry-run');
    expect(existsSync(path.join(root, table))).toBe(false);
    nx('spec:table', '--system=crm', '--table=leads', '--ddl=leads.sql', '--cursor=updated_at', '--staging');
    const written = sha(table);
    expect(readFileSync(path.join(root, 'specs/models/staging/stg_leads.yaml'), 'utf-8')).toContain('LOWER(TRIM({from}))');
    expect(() => nx('spec:table', '--system=crm', '--table=leads', '--ddl=leads.sql')).toThrow(/Refusing to overwrite/);
    expect(sha(table)).toBe(written);
  });
});
