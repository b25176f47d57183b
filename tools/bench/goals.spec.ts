import { report, verdicts, type Series } from './goals';
import { nxSummary, type Measurement } from './measure';

const run = (seconds: number, extra: Partial<Measurement> = {}): Measurement => ({
  seconds,
  peakMiB: 100,
  output: '',
  status: 0,
  ...extra,
});
const series = (ours: number[], baseline?: number[], extra: Partial<Series> = {}): Series => ({
  label: 'x',
  ours: ours.map((s) => run(s)),
  baseline: baseline?.map((s) => run(s)),
  ...extra,
});
const verdictOf = (results: Map<string, Series>, measure: string) => verdicts(results).find((v) => v.measure.startsWith(measure))!;

describe('the goals of issue #16', () => {
  it('judges the graph by the ratio of medians against the trivial plugin, at 10,000 when measured there', () => {
    const near = new Map([['graph-cold@10000', series([12, 2.5, 2.4], [2, 2, 1])]]);
    expect(verdictOf(near, 'cold graph').met).toBe(true); // median 2.5 vs 2 = 1.25×
    const far = new Map([['graph-cold@10000', series([2.7, 2.7, 2.7], [2, 2, 2])]]);
    expect(verdictOf(far, 'cold graph')).toMatchObject({ met: false, now: expect.stringContaining('1.35×') });
    const smaller = new Map([['graph-cold@1000', series([1], [1])]]);
    expect(verdictOf(smaller, 'cold graph').measure).toContain('at 1000, not 10000');
  });

  it("judges the graph with plugins in Nx's process against the trivial plugin in the same mode, only beside the default row", () => {
    const alone = new Map([['graph-cold-in-process@10000', series([3], [2])]]);
    expect(verdicts(alone).some((v) => v.measure.includes('NX_ISOLATE_PLUGINS'))).toBe(false);
    const both = new Map([
      ['graph-cold@10000', series([20], [4])],
      ['graph-cold-in-process@10000', series([12, 11, 13], [3, 3, 3])],
    ]);
    expect(verdictOf(both, '…the same with plugins')).toMatchObject({
      met: false,
      now: expect.stringMatching(/^4\.00× \(12\.00 s vs 3\.00 s\)/),
    });
  });

  it('says "not measured" instead of judging a goal it has no figures for', () => {
    const none = verdicts(new Map());
    expect(none).toHaveLength(8); // one per row of the table
    expect(none.every((v) => v.met === undefined && v.now === 'not measured in this run')).toBe(true);
  });

  it('judges the cached re-run by its time over the warm graph, and the scaling by marginal cost per spec', () => {
    const results = new Map([
      ['cached@10000', series([9.2], [8.5])],
      ['cold@100', series([5], [1])],
      ['cold@1000', series([50], [10])],
      ['cold@10000', series([500 + 9000 * 0.05 * 0.6], [60])],
    ]);
    expect(verdictOf(results, 'fully cached').met).toBe(true);
    expect(verdictOf(results, 'cost per spec')).toMatchObject({ met: false, now: expect.stringMatching(/^1\.60× \(80\.0 ms vs 50\.0 ms/) });
    results.set('cached@10000', series([10], [8.5]));
    expect(verdictOf(results, 'fully cached').met).toBe(false);
    expect(verdictOf(results, 'cold `run-many').now).toMatch(/^5\.00× .*; 12\.83× at 10,000$/);
    results.set('cold@10000', series([500], [60]));
    expect(verdictOf(results, 'cost per spec')).toMatchObject({ met: true, now: expect.stringMatching(/^1\.00×/) });
  });

  it('fails an edit that ran a task it did not need, or skipped one it needed', () => {
    const edit = (executed: string[]) =>
      new Map([
        [
          'edit-filter@1000',
          { label: 'edit', ours: [run(3, { executed, total: 5 })], baseline: [run(2.5)], needed: ['m:validate', 'm:codegen', 'd:test'] },
        ],
      ]);
    expect(verdictOf(edit(['m:validate', 'm:codegen', 'd:test']), 'one-spec edit').met).toBe(true);
    expect(verdictOf(edit(['m:validate', 'm:codegen', 'd:test', 'd:codegen']), 'one-spec edit')).toMatchObject({
      met: false,
      now: expect.stringContaining('1 not needed'),
    });
    expect(verdictOf(edit(['m:validate', 'm:codegen']), 'one-spec edit').now).toContain('1 needed but not run');
    expect(report(edit(['m:validate', 'd:codegen']), 1, [0])).toContain('not needed: d:codegen; needed but not run: d:test, m:codegen');
  });
});

describe("reading Nx's run summary", () => {
  it('counts announced tasks without a cache note as executed, and reads the run duration', () => {
    const output = [
      '> nx run stg_orders:validate  [existing outputs match the cache, left as is]',
      '> nx run stg_customers:validate  [local cache]',
      '> nx run dim_customer:test',
      '',
      '> nx run dim_customer:test',
      '> nx run catalog:prune',
      '  Run duration:      1.5s',
    ].join('\n');
    expect(nxSummary(output)).toEqual({ executed: ['dim_customer:test', 'catalog:prune'], total: 4, runSeconds: 1.5 });
    expect(nxSummary('  Run duration:      72ms\n> nx run a:b').runSeconds).toBeCloseTo(0.072);
    expect(nxSummary('not an nx run')).toEqual({});
  });
});
