import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../../test-support/scratch-nx-workspace';
import type { ImpactReport } from '../../impact';
import { impactOfChange } from './impact-of-change';

/** A real git repository with two commits: the example catalog, then a staging column removed that a mart reads. */
describe('nx run catalog:impact on a git repository', () => {
  let workspace: ScratchNxWorkspace;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace.root, encoding: 'utf8' });
  const edit = (file: string, change: (text: string) => string) => {
    const at = path.join(workspace.root, file);
    writeFileSync(at, change(readFileSync(at, 'utf8')));
  };

  beforeAll(() => {
    workspace = scratchNxWorkspace();
    writeFileSync(path.join(workspace.root, '.gitignore'), 'node_modules\nbuild\n.nx\n');
    git('init', '--quiet', '--initial-branch=main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'base');
    edit('specs/models/staging/stg_customers.yaml', (text) =>
      text.replace(/ {2}- name: city\n( {4}.*\n)+?(?= {2}- name)/, '').replace(/, city: (San Francisco|null)/g, ''),
    );
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-am', 'drop city');
  });
  afterAll(() => workspace.cleanup());

  it('reports the removal between two commits through the real CLI, writes both files and fails with --fail-on=breaking', () => {
    let output = '';
    let failed = false;
    try {
      output = workspace.nx(['run', 'catalog:impact', '--base=HEAD~1', '--head=HEAD', '--fail-on=breaking', '--skip-nx-cache']);
    } catch (error) {
      failed = true;
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      output = `${stdout}${stderr}`;
    }
    expect(failed).toBe(true);
    expect(output).toContain('#### `stg_customers.city`: column removed');
    expect(output).toContain('`dim_customer.city`');
    expect(output).toContain('Wrote build/specline/impact/impact.md and build/specline/impact/impact.json.');
    expect(output).toContain('impact: 1 change is breaking or more severe (--fail-on=breaking).');
    const report = JSON.parse(readFileSync(path.join(workspace.root, 'build/specline/impact/impact.json'), 'utf8')) as ImpactReport;
    expect(report).toMatchObject({ base: 'HEAD~1', head: 'HEAD', counts: { breaking: 1 } });
    expect(report.entries[0].downstream).toEqual([{ dataset: 'dim_customer', column: 'city' }]);
    // What was printed is what was written (Nx's terminal output drops blank lines).
    const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
    expect(lines(readFileSync(path.join(workspace.root, 'build/specline/impact/impact.md'), 'utf8'))).toEqual(
      lines(output.slice(output.indexOf('## Specline impact'), output.indexOf('\nWrote '))),
    );
  }, 120_000);

  it('compares the working tree with a ref by default, and passes --fail-on=breaking on a documentation change', async () => {
    edit('specs/models/staging/stg_customers.yaml', (text) => text.replace('CRM customer key.', 'The CRM customer key.'));
    const { success, report } = await impactOfChange(workspace.root, { base: 'HEAD', failOn: 'breaking' });
    expect(success).toBe(true);
    expect(report).toContain('## Specline impact: `HEAD` → `working tree`');
    expect(report).toContain('0 breaking, 0 data-changing, 0 non-breaking, 1 documentation.');
    expect(report).toContain('#### `stg_customers.customer_id`: description changed');
  }, 60_000);

  it('names a ref that is not a commit in one line', async () => {
    const { success, report } = await impactOfChange(workspace.root, { base: 'no-such-branch' });
    expect(success).toBe(false);
    expect(report).toMatch(/^impact: "no-such-branch" is not a commit of the git repository at .*; name a branch, tag or commit/);
  });
});
