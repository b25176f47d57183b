import { exampleCatalog } from '../../test-support/example-catalog';
import { specImplementation } from './model-implementation';
import { runUnitTests } from './run-unit-tests';
import { scratchSpecs } from '../../test-support/scratch-workspace';

describe('unit tests from given/expect', () => {
  it('pass for every model of the example catalog', async () => {
    const catalog = await exampleCatalog();
    const outcomes: string[] = [];
    for (const model of catalog.models) {
      for (const result of await runUnitTests(catalog, model, specImplementation(catalog, model))) {
        outcomes.push(`${model.name}/${result.name}: ${result.status}${result.message ? `\n${result.message}` : ''}`);
      }
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((outcome) => !outcome.includes(': passed'))).toEqual([]);
  });

  it('catch LOWER mutated to UPPER in stg_customers.email, with a diff naming email', async () => {
    const scratch = scratchSpecs('specs/models/staging/stg_customers.yaml', (text) =>
      text.replace('transform: LOWER(TRIM({from}))', 'transform: UPPER(TRIM({from}))'),
    );
    try {
      const catalog = await exampleCatalog(scratch.root);
      const model = catalog.models.find((candidate) => candidate.name === 'stg_customers')!;
      const [result] = await runUnitTests(catalog, model, specImplementation(catalog, model));
      expect(result.status).toBe('failed');
      expect(result.message).toContain('~ changed row customer_id="1":');
      expect(result.message).toContain('email: expected "ada.lovelace@example.com", got "ADA.LOVELACE@EXAMPLE.COM"');
      expect(result.message).not.toContain('lifecycle_stage: expected');
    } finally {
      scratch.cleanup();
    }
  });

  it('compares numbers numerically, timestamps as timestamps, and ignores columns expect leaves out', async () => {
    const catalog = await exampleCatalog();
    const model = catalog.models.find((candidate) => candidate.name === 'stg_customers')!;
    const unitTest = model.unitTests[0];
    const loose = {
      ...unitTest,
      expect: unitTest.expect.map((row) => ({
        customer_id: `${row.customer_id}.0`,
        ...(row.customer_id === 1 ? { created_at: '2023-01-15T09:30:00' } : {}),
      })),
    };
    const [result] = await runUnitTests(catalog, { ...model, unitTests: [loose] }, specImplementation(catalog, model));
    expect(result.message).toBeUndefined();
    expect(result.status).toBe('passed');
  });
});
