import type { Catalog, Model } from '../catalog';
import { compileModelSelect, warehouseRelation } from '../compiler';
import { exampleCatalog } from '../../test-support/example-catalog';
import { GOLDEN_WORKSPACE } from '../../test-support/golden-workspace';
import { specImplementation, type ModelImplementation } from './model-implementation';
import { compareWithReference } from './reference-comparison';
import { runPropertyTests } from './run-property-tests';

/**
 * where, having and dedupe in the spec-derived tests, on the fixture catalog's models that use
 * them (int_order_facts: where and dedupe after five joins; int_customer_totals: having): the
 * generated SELECT passes every property,
 * and an implementation that leaves one of them out is caught.
 */
describe('where, having and dedupe in the spec-derived tests', () => {
  let catalog: Catalog;
  const model = (name: string): Model => catalog.models.find((candidate) => candidate.name === name)!;
  /** The spec's SELECT with one row selection left out: what a careless implementation does. */
  const without = (name: string, part: 'where' | 'having' | 'dedupe'): ModelImplementation => {
    const compiled = compileModelSelect(catalog, { ...model(name), [part]: undefined }, 'duckdb', warehouseRelation(catalog, 'duckdb'));
    if (!compiled.ok) throw new Error(`${name} without ${part} does not compile`);
    return { label: `${name} without its ${part}`, select: compiled.value };
  };
  beforeAll(async () => {
    catalog = await exampleCatalog(GOLDEN_WORKSPACE);
  });

  it.each(['int_order_facts', 'int_customer_totals'])('hold for the generated SELECT of %s', async (name) => {
    expect(model(name).where ?? model(name).having ?? model(name).dedupe).toBeDefined();
    const results = await runPropertyTests(catalog, model(name), specImplementation(catalog, model(name)));
    expect(results.filter((result) => result.status !== 'passed').map((result) => `${result.name}: ${result.message}`)).toEqual([]);
    if (model(name).dedupe) expect(results.map((result) => result.name)).toContain(`dedupe keeps one row per key (order_id)`);
  });

  it('catch an implementation that keeps every row of a dedupe key', async () => {
    const results = await runPropertyTests(catalog, model('int_order_facts'), without('int_order_facts', 'dedupe'));
    const dedupe = results.find((result) => result.name.startsWith('dedupe'))!;
    expect(dedupe.status).toBe('failed');
    expect(dedupe.message).toMatch(/the output repeats a dedupe key/);
  });

  it.each([
    ['int_order_facts', 'where'],
    ['int_order_facts', 'dedupe'],
    ['int_customer_totals', 'having'],
  ] as const)("conform rejects %s without its %s: the spec's SELECT is the reference", async (name, part) => {
    const results = await compareWithReference(catalog, model(name), without(name, part), specImplementation(catalog, model(name)), [], {
      shrink: false,
    });
    expect(results.some((result) => result.status === 'failed')).toBe(true);
  });
});
