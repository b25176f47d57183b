import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { GitRevisionError, gitSpecSource } from '../spec';
import { loadSpecsFolder } from './load-catalog';

/**
 * gitSpecSource, read as the loader reads it. A git repository whose Nx workspace is a
 * subfolder (ws/), as in a monorepo: the example specs, a link inside the specs folder and one
 * leading out of it, committed; then the working tree is changed, so what is read can only have
 * come from the commit.
 */
describe('specs read from a git revision (gitSpecSource)', () => {
  let repo: string;
  let workspace: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });

  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'specline-git-source-'));
    workspace = path.join(repo, 'ws');
    mkdirSync(workspace);
    cpSync(path.join(WORKSPACE_ROOT, 'specs'), path.join(workspace, 'specs'), { recursive: true });
    writeFileSync(path.join(repo, 'outside.yaml'), 'kind: glossary\n');
    symlinkSync('constitution.yaml', path.join(workspace, 'specs/alias.yaml'));
    symlinkSync('../../outside.yaml', path.join(workspace, 'specs/escape.yaml'));
    git('init', '--quiet');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'specs');
    rmSync(path.join(workspace, 'specs/models'), { recursive: true });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists and reads the specs folder as the commit holds it, from a workspace below the repository root', async () => {
    const source = gitSpecSource(workspace, 'HEAD', 'specs');
    const entries = (await source.list('specs')).map((entry) => `${entry.name}${entry.isFolder ? '/' : ''}`).sort();
    expect(entries).toEqual(['alias.yaml', 'constitution.yaml', 'escape.yaml', 'glossary/', 'models/', 'sources/', 'workflows/']);
    const text = Buffer.from(await source.read('specs/models/staging/stg_customers.yaml')).toString('utf8');
    expect(text).toContain('name: stg_customers');
    expect(await source.sizeOf('specs/models/staging/stg_customers.yaml')).toBe(Buffer.byteLength(text));
    expect(await source.sizeOf('specs/models')).toBeUndefined();
    expect(source.exists('specs/sources/crm/customers.csv')).toBe(true);
    expect(source.exists('specs/nope.yaml')).toBe(false);
    await expect(source.read('specs/nope.yaml')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('follows a link inside the specs folder and refuses one leading out of it', async () => {
    const source = gitSpecSource(workspace, 'HEAD', 'specs');
    expect(source.linksOutside('specs/alias.yaml', 'specs')).toBe(false);
    expect(Buffer.from(await source.read('specs/alias.yaml')).toString('utf8')).toContain('kind: constitution');
    expect(source.linksOutside('specs/escape.yaml', 'specs')).toBe(true);
    expect(source.linksOutside('specs/constitution.yaml', 'specs')).toBe(false);
  });

  it('loads the same catalog from the commit as from the files it was made of', async () => {
    const { catalog, diagnostics } = await loadSpecsFolder(gitSpecSource(workspace, 'HEAD', 'specs'), 'specs');
    const fromDisk = await loadSpecsFolder(WORKSPACE_ROOT, 'specs');
    expect([...catalog!.datasets.keys()].sort()).toEqual([...fromDisk.catalog!.datasets.keys()].sort());
    // Only the two links differ from the repository's specs: the link read as a constitution (it sorts
    // first, so constitution.yaml is the second one), and the file leading out, refused.
    expect(diagnostics.map((d) => `${d.location.file} ${d.code}`)).toEqual([
      'specs/constitution.yaml CONST001',
      'specs/escape.yaml FILE006',
    ]);
  });

  it('names a revision that is not a commit', () => {
    expect(() => gitSpecSource(workspace, 'no-such-ref', 'specs')).toThrow(GitRevisionError);
  });
});
