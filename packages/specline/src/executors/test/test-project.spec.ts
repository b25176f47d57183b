import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { initSql } from '../../sql';
import { scratchSpecs } from '../../../test-support/scratch-workspace';
import { testProject } from './test-project';

const SPEC = 'specs/models/staging/stg_customers.yaml';
const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };

describe('the test target', () => {
  it('fails stg_customers when LOWER becomes UPPER, naming email, and writes the same JUnit XML every time', async () => {
    await initSql();
    const scratch = scratchSpecs(SPEC, (text) => text.replace('transform: LOWER(TRIM({from}))', 'transform: UPPER(TRIM({from}))'));
    try {
      const run = await testProject(scratch.root, OPTIONS, 'stg_customers', SPEC);
      expect(run.success).toBe(false);
      expect(run.report).toMatch(/failed {2}unit: cleans_contact_fields_and_maps_status/);
      expect(run.report).toContain('email: expected "ada.lovelace@example.com", got "ADA.LOVELACE@EXAMPLE.COM"');
      const junitFile = path.join(scratch.root, 'build/specline/stg_customers/test-results.xml');
      const first = readFileSync(junitFile, 'utf8');
      expect(first).toContain('<failure message="specs/models/staging/stg_customers.yaml:');
      expect(first).not.toContain(scratch.root);
      await testProject(scratch.root, OPTIONS, 'stg_customers', SPEC);
      expect(readFileSync(junitFile, 'utf8')).toBe(first);
    } finally {
      scratch.cleanup();
    }
  });
});

describe('the test target on a model whose inputs have no rows', () => {
  it('reports its generic tests as skipped with the reason, in the console and the JUnit file, never as passed', async () => {
    await initSql();
    const spec = 'specs/models/staging/stg_support_tickets.yaml';
    const scratch = scratchSpecs('specs/sources/support/tickets.yaml', (text) => text.replace(/^seed: .*\n/m, ''));
    try {
      const run = await testProject(scratch.root, OPTIONS, 'stg_support_tickets', spec);
      const generic = run.results.filter((result) => result.suite === 'generic');
      expect(generic.length).toBeGreaterThan(0);
      expect(generic.map((result) => result.status)).toEqual(generic.map(() => 'skipped'));
      const reason =
        'stg_support_tickets has no rows to test: built from the seed CSVs it is empty, since support_tickets (a source without a seed CSV) has no rows. Add seed rows so that this check tests something.';
      expect(generic[0].message).toBe(reason);
      expect(run.report).toMatch(/skipped generic: /);
      expect(run.report).toContain(reason);
      const junit = readFileSync(path.join(scratch.root, 'build/specline/stg_support_tickets/test-results.xml'), 'utf8');
      expect(junit).toContain(`<skipped message="${reason}">`);
      expect(junit).toMatch(/<testsuite name="stg_support_tickets.generic" tests="(\d+)" failures="0" errors="0" skipped="\1">/);
    } finally {
      scratch.cleanup();
    }
  });
});
