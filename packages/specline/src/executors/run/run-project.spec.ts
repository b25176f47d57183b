import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DuckSession } from '../../duckdb';
import { initSql } from '../../sql';
import { scratchSpecs } from '../../../test-support/scratch-workspace';
import { runProject } from './run-project';

const SPEC = 'specs/models/marts/dim_customer.yaml';

describe('the run target', () => {
  it('builds dim_customer and everything upstream into build/specline/run/dim_customer.duckdb and tests it', async () => {
    await initSql();
    // A scratch copy, so the test never touches the repository's build folder.
    const scratch = scratchSpecs(SPEC, (text) => `${text}\n`);
    try {
      const run = await runProject(scratch.root, { specsDir: 'specs', outputDir: 'build/specline' }, 'dim_customer', SPEC);
      expect(run.report).toContain('built build/specline/run/dim_customer.duckdb');
      expect(run.success).toBe(true);
      const file = path.join(scratch.root, 'build/specline/run/dim_customer.duckdb');
      expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
      const session = await DuckSession.open(file);
      try {
        const [dim] = await session.rows('SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE is_current) AS current FROM marts.dim_customer');
        const [seed] = await session.rows('SELECT COUNT(*) AS n FROM raw.crm_customers');
        expect(dim).toEqual({ n: seed.n, current: seed.n });
      } finally {
        session.close();
      }
    } finally {
      scratch.cleanup();
    }
  });
});
