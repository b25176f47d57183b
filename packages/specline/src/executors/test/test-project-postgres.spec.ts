import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initSql } from '../../sql';
import { exampleCatalog, WORKSPACE_ROOT } from '../../../test-support/example-catalog';
import { scratchSpecs } from '../../../test-support/scratch-workspace';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../../../test-support/throwaway-postgres';
import { POSTGRES_URL_VARIABLE, testProject } from './test-project';

/**
 * `test --engine=postgresql` on a real PostgreSQL (the throwaway server): the example
 * catalog's spec-derived tests pass there as on DuckDB, the same checks run, a wrong
 * transform fails there too, and the run leaves the server as it found it.
 */
const bin = postgresBinDir();
const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };

(bin ? describe : describe.skip)(`test --engine=postgresql${bin ? '' : ` — ${POSTGRES_MISSING}`}`, () => {
  let server: ThrowawayPostgres;
  let root: string;

  beforeAll(async () => {
    await initSql();
    server = startThrowawayPostgres(bin as string);
    root = mkdtempSync(path.join(os.tmpdir(), 'specline-pg-test-'));
    cpSync(path.join(WORKSPACE_ROOT, 'specs'), path.join(root, 'specs'), { recursive: true });
  });

  afterAll(() => {
    server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("passes every example model's tests, running the same checks as on DuckDB, and leaves the server's other objects alone", async () => {
    // A user's objects, in the schemas the warehouse names use: the run must not touch them.
    server.query("CREATE SCHEMA raw; CREATE TABLE raw.crm_customers (note TEXT); INSERT INTO raw.crm_customers VALUES ('mine');");
    // PostgreSQL gives each session that uses temporary tables a pg_temp_N (and pg_toast_temp_N)
    // namespace, empties it when the session ends and keeps the row for reuse: the server's, not ours.
    const schemas = `SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_(toast_)?temp_[0-9]+$' ORDER BY 1;`;
    const schemasBefore = server.query(schemas);
    const catalog = await exampleCatalog();
    const failures: string[] = [];
    let checks = 0;
    for (const model of catalog.models) {
      const options = { ...OPTIONS, engine: 'postgresql', postgresUrl: server.url };
      const onPostgres = await testProject(root, options, model.name, model.file);
      const onDuckDb = await testProject(root, OPTIONS, model.name, model.file);
      const statuses = (run: typeof onDuckDb) => run.results.map((result) => `${result.status} ${result.suite}: ${result.name}`);
      if (!onPostgres.success || statuses(onPostgres).join() !== statuses(onDuckDb).join()) failures.push(onPostgres.report);
      expect(onPostgres.report).toContain(`${model.name} (${model.file}): spec-derived tests on PostgreSQL`);
      expect(onPostgres.results.map((result) => `${result.suite}: ${result.name}`)).toEqual(
        onDuckDb.results.map((result) => `${result.suite}: ${result.name}`),
      );
      expect(onDuckDb.success).toBe(true);
      checks += onPostgres.results.length;
    }
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(80);
    expect(server.query(schemas)).toBe(schemasBefore);
    expect(
      server.query(`SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname ~ '^pg_temp_';`),
    ).toBe('0\n');
    expect(server.query('SELECT note FROM raw.crm_customers;')).toBe('mine\n');
  });

  it('fails stg_customers on PostgreSQL when LOWER becomes UPPER, naming email', async () => {
    const spec = 'specs/models/staging/stg_customers.yaml';
    const scratch = scratchSpecs(spec, (text) => text.replace('transform: LOWER(TRIM({from}))', 'transform: UPPER(TRIM({from}))'));
    try {
      const run = await testProject(scratch.root, { ...OPTIONS, engine: 'postgresql', postgresUrl: server.url }, 'stg_customers', spec);
      expect(run.success).toBe(false);
      expect(run.report).toMatch(/failed {2}unit: cleans_contact_fields_and_maps_status/);
      expect(run.report).toContain('email: expected "ada.lovelace@example.com", got "ADA.LOVELACE@EXAMPLE.COM"');
      const junit = readFileSync(path.join(scratch.root, 'build/specline/stg_customers/test-results.xml'), 'utf8');
      expect(junit).toContain('<failure message="specs/models/staging/stg_customers.yaml:');
    } finally {
      scratch.cleanup();
    }
  });

  it(`takes the server from ${POSTGRES_URL_VARIABLE} when --postgresUrl is left out, and --postgresUrl wins when both are set`, async () => {
    const spec = 'specs/models/staging/stg_orders.yaml';
    const saved = process.env[POSTGRES_URL_VARIABLE];
    try {
      process.env[POSTGRES_URL_VARIABLE] = server.url;
      expect((await testProject(root, { ...OPTIONS, engine: 'postgresql' }, 'stg_orders', spec)).success).toBe(true);
      process.env[POSTGRES_URL_VARIABLE] = 'postgresql://nobody@localhost/none?host=/nonexistent';
      expect((await testProject(root, { ...OPTIONS, engine: 'postgresql', postgresUrl: server.url }, 'stg_orders', spec)).success).toBe(
        true,
      );
      await expect(testProject(root, { ...OPTIONS, engine: 'postgresql' }, 'stg_orders', spec)).rejects.toThrow(
        /^cannot connect to PostgreSQL at postgresql:\/\/nobody@localhost\/none\?host=\/nonexistent: /,
      );
    } finally {
      if (saved === undefined) delete process.env[POSTGRES_URL_VARIABLE];
      else process.env[POSTGRES_URL_VARIABLE] = saved;
    }
  });
});

describe('test --engine options, without a server', () => {
  const spec = 'specs/models/staging/stg_orders.yaml';

  it('refuses --engine=postgresql without a URL in one line saying how to give one', async () => {
    const saved = process.env[POSTGRES_URL_VARIABLE];
    delete process.env[POSTGRES_URL_VARIABLE];
    try {
      const run = await testProject(WORKSPACE_ROOT, { ...OPTIONS, engine: 'postgresql' }, 'stg_orders', spec);
      expect(run).toEqual({
        success: false,
        report: `stg_orders: --engine=postgresql needs a PostgreSQL server: pass --postgresUrl=postgresql://user:password@host:5432/database, or set ${POSTGRES_URL_VARIABLE}. The tests work in a scratch schema they create and drop.`,
        results: [],
      });
    } finally {
      if (saved !== undefined) process.env[POSTGRES_URL_VARIABLE] = saved;
    }
  });

  it('reports a server it cannot reach in one line, without the password', async () => {
    const postgresUrl = 'postgresql://someone:s3cret@localhost/db?host=/nonexistent';
    const run = testProject(WORKSPACE_ROOT, { ...OPTIONS, engine: 'postgresql', postgresUrl }, 'stg_orders', spec);
    await expect(run).rejects.toThrow(
      /^cannot connect to PostgreSQL at postgresql:\/\/someone:\*\*\*@localhost\/db\?host=\/nonexistent: [^\n]+$/,
    );
  });

  it('refuses an engine it does not know, naming the two it does', async () => {
    const run = await testProject(WORKSPACE_ROOT, { ...OPTIONS, engine: 'sqlite' }, 'stg_orders', spec);
    expect(run.success).toBe(false);
    expect(run.report).toBe(
      'stg_orders: --engine=sqlite is not an engine the tests run on; use --engine=duckdb (the default) or --engine=postgresql.',
    );
  });
});
