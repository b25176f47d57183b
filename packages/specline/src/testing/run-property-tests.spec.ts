import { compileScd2Apply } from '../compiler';
import { exampleCatalog } from '../../test-support/example-catalog';
import { specImplementation, type ModelImplementation } from './model-implementation';
import { runPropertyTests } from './run-property-tests';

describe('property-based tests', () => {
  it('hold for every model of the example catalog', async () => {
    const catalog = await exampleCatalog();
    const failing: string[] = [];
    let passed = 0;
    for (const model of catalog.models) {
      for (const result of await runPropertyTests(catalog, model, specImplementation(catalog, model))) {
        if (result.status === 'passed') passed++;
        else failing.push(`${model.name}/${result.name}`);
      }
    }
    expect(passed).toBeGreaterThan(20);
    expect(failing).toEqual([]);
  });

  it('catch an scd2 apply that never clears is_current, with a shrunk given block', async () => {
    const catalog = await exampleCatalog();
    const model = catalog.models.find((candidate) => candidate.name === 'dim_customer')!;
    const broken: ModelImplementation = {
      ...specImplementation(catalog, model),
      label: 'dim_customer with is_current never cleared',
      scd2Apply: (target, snapshot) =>
        compileScd2Apply(model, 'duckdb', target, snapshot).map((sql) => sql.replace(/, "?is_current"? = FALSE/g, '')),
    };
    const results = await runPropertyTests(catalog, model, broken);
    const scd2 = results.find((result) => result.name.startsWith('scd2:'))!;
    expect(scd2.status).toBe('failed');
    expect(scd2.message).toMatch(
      /after load \d, scd2: (at most one current row per natural key, and it is the latest version|a current row is open, a closed row is not current) is violated by: \{"customer_id"/,
    );
    expect(scd2.message).toMatch(/# load 1\ngiven:\n {2}c:\n {4}- \{ customer_id: \d+, /);
    // Shrunk: one customer, changed or dropped in the second load, is enough.
    expect(scd2.message).not.toContain('# load 3');
    expect(scd2.message!.match(/- \{ customer_id/g)!.length).toBeLessThanOrEqual(2);
  });

  it('catch an scd2 apply that drops a change stamped with the updated_at of the current version (the old apply)', async () => {
    const catalog = await exampleCatalog();
    const model = catalog.models.find((candidate) => candidate.name === 'dim_order')!;
    // The apply as it was: no in-place refresh, so an equal updated_at change (and every untracked change) is lost.
    const old: ModelImplementation = {
      ...specImplementation(catalog, model),
      label: 'dim_order without the refresh of the current version',
      scd2Apply: (target, snapshot) =>
        compileScd2Apply(model, 'duckdb', target, snapshot).filter((sql) => !/^UPDATE[^\n]*\nSET (?!"?valid_to)/.test(sql)),
    };
    const scd2 = (await runPropertyTests(catalog, model, old)).find((result) => result.name.startsWith('scd2:'))!;
    expect(scd2.status).toBe('failed');
    expect(scd2.message).toMatch(/after load \d, this snapshot row has no current version holding its values: \{"order_id"/);
  });

  it('report an implementation that throws by its message, without a stack trace', async () => {
    const catalog = await exampleCatalog();
    const model = catalog.models.find((candidate) => candidate.name === 'stg_customers')!;
    const throwing: ModelImplementation = { label: 'a SELECT that raises', select: "SELECT error('boom: cannot cast the phone')" };
    const results = await runPropertyTests(catalog, model, throwing);
    const errors = results.filter((result) => result.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    // The engine's own message (a binder or run-time error), and the input that causes it.
    for (const error of errors)
      expect(error.message).toMatch(/it fails on this input: .*Error[^]*Minimal input, ready to paste under unit_tests:\ngiven:/);
    for (const result of results) expect(result.message ?? '').not.toMatch(/\n\s+at /);
  });
});
