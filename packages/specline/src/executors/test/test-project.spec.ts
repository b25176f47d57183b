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
