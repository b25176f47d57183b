import { behaviourFingerprint, contractFingerprint } from './spec-fingerprints';

const MODEL = {
  kind: 'model',
  name: 'int_orders',
  description: 'Orders.',
  sources: [{ ref: 'stg_orders', alias: 'o', filter: "o.amount >= 1000 AND o.status = 'done'" }],
  joins: [{ type: 'left', alias: 'c', on: 'o.customer_id = c.id AND c.tier > 2' }],
  columns: [{ name: 'band', type: 'STRING', transform: "CASE WHEN o.amount >= 1000 THEN 'big' ELSE 'small' END" }],
  where: { condition: 'c.tier IS NULL OR c.tier < 9', rationale: 'Known tiers.' },
  having: { condition: 'orders >= 2', rationale: 'Repeat customers.' },
  unit_tests: [{ name: 'bands', given: { o: [{ amount: 1000 }] }, expect: [{ band: 'big' }] }],
};

type Edit = (spec: typeof MODEL) => unknown;
const edited = (edit: Edit) => edit(structuredClone(MODEL)) as Record<string, unknown>;
const contractOf = (spec: Record<string, unknown>) => contractFingerprint(spec, JSON.stringify(spec));
const behaviourOf = (spec: Record<string, unknown>) => behaviourFingerprint(spec, JSON.stringify(spec));

/** Whether an edit changes each fingerprint: [contract, behaviour]. */
function changes(edit: (spec: typeof MODEL) => void): [boolean, boolean] {
  const after = edited((spec) => (edit(spec), spec));
  return [contractOf(after) !== contractOf(MODEL), behaviourOf(after) !== behaviourOf(MODEL)];
}

describe('the contract fingerprint', () => {
  it.each<[string, (spec: typeof MODEL) => void]>([
    ['a threshold in a transform', (spec) => (spec.columns[0].transform = spec.columns[0].transform.replace('1000', '1001'))],
    ['a threshold in a filter', (spec) => (spec.sources[0].filter = spec.sources[0].filter.replace('1000', '5'))],
    ['a number in a join condition', (spec) => (spec.joins[0].on = spec.joins[0].on.replace('> 2', '> 3'))],
    ['a number in where', (spec) => (spec.where.condition = spec.where.condition.replace('9', '10'))],
    ['a number in having', (spec) => (spec.having.condition = spec.having.condition.replace('2', '3'))],
  ])('leaves out the value of %s, which behaviour counts', (_, edit) => {
    expect(changes(edit)).toEqual([false, true]);
  });

  it.each<[string, (spec: typeof MODEL) => void]>([
    ['a number turned decimal', (spec) => (spec.columns[0].transform = spec.columns[0].transform.replace('1000', '1000.5'))],
    ['a number turned a string', (spec) => (spec.sources[0].filter = spec.sources[0].filter.replace('1000', "'1000'"))],
    ['a string literal', (spec) => (spec.sources[0].filter = spec.sources[0].filter.replace("'done'", "'shipped'"))],
    ['a column read in where', (spec) => (spec.where.condition = spec.where.condition.replace('c.tier <', 'c.rank <'))],
    ['an operator in having', (spec) => (spec.having.condition = spec.having.condition.replace('>=', '>'))],
    ['a column read', (spec) => (spec.columns[0].transform = spec.columns[0].transform.replace('o.amount', 'o.total'))],
    ['an operator', (spec) => (spec.columns[0].transform = spec.columns[0].transform.replace('>=', '>'))],
    ['a column type', (spec) => (spec.columns[0].type = 'INT64')],
    ['a column name', (spec) => (spec.columns[0].name = 'size_band')],
    ['a unit test', (spec) => (spec.unit_tests[0].given.o[0].amount = 999)],
  ])('counts %s, as behaviour does', (_, edit) => {
    expect(changes(edit)).toEqual([true, true]);
  });

  it.each([
    ['o.col_1 + 1', 'o.col_2 + 1'],
    ['o."col 1" + 1', 'o."col 2" + 1'],
    ['`col 1` + 1', '`col 2` + 1'],
    ["o.code = 'A1'", "o.code = 'A2'"],
  ])('keeps the digits of names and strings: %s is not %s', (before, after) => {
    const withTransform = (transform: string) => edited((spec) => ((spec.columns[0].transform = transform), spec));
    expect(contractOf(withTransform(before))).not.toBe(contractOf(withTransform(after)));
  });

  it('leaves out prose, as behaviour does', () => {
    expect(changes((spec) => (spec.description = 'Rewritten.'))).toEqual([false, false]);
  });
});
