import fc from 'fast-check';
import type { Catalog, Model } from '../catalog';
import { warehouseRelation } from '../compiler';
import { DuckSession } from '../duckdb';
import { quoteIdentifier } from '../sql';
import { canonicalRows } from './canonical-rows';
import { timedCheck, type CheckOutcome, type CheckResult } from './check-result';
import { givenArbitrary, seedOf, successiveLoads } from './given-arbitrary';
import { givenYaml } from './given-yaml';
import { inputStatements, type GivenRows } from './input-tables';
import { loadStatements, type ModelImplementation } from './model-implementation';
import { diffRows, formatDiff, isEmptyDiff, type CanonicalRow, type RowDiff } from './row-diff';
import { valuePools } from './value-pools';

/** Named inputs to compare on: one snapshot per load (an scd2 model sees its history build up). */
export interface ReferenceCase {
  readonly label: string;
  readonly loads: readonly GivenRows[];
  /** Where the input can be read instead of printing it, e.g. the seed CSVs. */
  readonly inputIn?: string;
}

export interface ReferenceOptions {
  /** Generated cases (default 40, 100 for scd2, whose cases are histories); each is a few rows per input. */
  readonly numRuns?: number;
  /** Shrink a difference to a minimal input (the default); a mutation score needs only the verdict. */
  readonly shrink?: boolean;
}

/**
 * The spec's own compiled SELECT (and, for scd2, its apply) is the reference implementation:
 * the implementation under test must give the same rows on the same inputs, every column and
 * every row. The inputs are the named cases (seed rows, each unit test's given) and generated
 * ones drawn from the values the spec names, so each CASE branch, NULL and filter side is
 * reached; a difference is shrunk to a minimal input and reported column by column.
 */
export async function compareWithReference(
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  reference: ModelImplementation,
  cases: readonly ReferenceCase[],
  options: ReferenceOptions = {},
): Promise<CheckResult[]> {
  // One database for every case: each load recreates the input tables and the scd2 target.
  return DuckSession.scratch((session) => {
    const run: CaseRunner = (loads) => compareCase(session, catalog, model, implementation, reference, loads);
    return compareAll(catalog, model, implementation, run, cases, options);
  });
}

type CaseRunner = (loads: readonly GivenRows[]) => Promise<CaseOutcome>;

async function compareAll(
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  run: CaseRunner,
  cases: readonly ReferenceCase[],
  options: ReferenceOptions,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const named of cases)
    results.push(
      await timedCheck('reference', `same rows as the spec on ${named.label}`, async () => {
        const outcome = await run(named.loads);
        if (outcome.kind === 'same') return { status: 'passed' };
        if (outcome.kind === 'reference-failed')
          return { status: 'error', message: `the spec's own SELECT fails on ${named.label}: ${outcome.message}` };
        return differenceReport(model, implementation, outcome, named.inputIn ?? named.loads, `on ${named.label}`);
      }),
    );
  const pools = valuePools(
    catalog,
    model,
    cases.flatMap((named) => named.loads),
  );
  const runs = options.numRuns ?? (model.load.strategy === 'scd2' ? 100 : 40);
  results.push(
    await timedCheck('reference', `same rows as the spec on ${runs} generated input(s)`, () =>
      compareGenerated(catalog, model, implementation, run, pools, runs, options.shrink ?? true),
    ),
  );
  return results;
}

type CaseOutcome =
  | { readonly kind: 'same' }
  | { readonly kind: 'differs'; readonly diff: RowDiff }
  | { readonly kind: 'implementation-failed'; readonly message: string }
  | { readonly kind: 'reference-failed'; readonly message: string };

async function compareGenerated(
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  run: CaseRunner,
  pools: ReturnType<typeof valuePools>,
  numRuns: number,
  shrink: boolean,
): Promise<CheckOutcome> {
  const snapshot = givenArbitrary(catalog, model, pools);
  // History needs several loads: an scd2 model is compared on its whole history table.
  const loads = model.load.strategy === 'scd2' ? successiveLoads(catalog, model, snapshot, 1, 4) : snapshot.map((given) => [given]);
  const details = await fc.check(
    fc.asyncProperty(loads, async (snapshots) => {
      const outcome = await run(snapshots);
      // Input the spec's own SELECT rejects (a failing conversion) says nothing about the implementation.
      fc.pre(outcome.kind !== 'reference-failed');
      return outcome.kind === 'same';
    }),
    { numRuns, seed: seedOf(`${model.name}/reference`), endOnFailure: !shrink },
  );
  if (!details.failed) return { status: 'passed' };
  if (!details.counterexample) return { status: 'error', message: String(details.errorInstance ?? 'the comparison threw') };
  const [snapshots] = details.counterexample;
  const outcome = await run(snapshots);
  if (outcome.kind === 'same' || outcome.kind === 'reference-failed')
    return { status: 'error', message: `a generated case differed once but not on replay; seed ${seedOf(`${model.name}/reference`)}` };
  return differenceReport(
    model,
    implementation,
    outcome,
    snapshots,
    `after ${details.numRuns} generated case(s), shrunk ${details.numShrinks} time(s)`,
  );
}

function differenceReport(
  model: Model,
  implementation: ModelImplementation,
  outcome: Exclude<CaseOutcome, { kind: 'same' | 'reference-failed' }>,
  input: readonly GivenRows[] | string,
  where: string,
): CheckOutcome {
  const what =
    outcome.kind === 'differs'
      ? `its rows differ from the spec's (expected = the spec's compiled SELECT):\n${formatDiff(firstDifference(outcome.diff))}`
      : `it fails where the spec's SELECT runs: ${outcome.message}`;
  const shown =
    typeof input === 'string'
      ? [`Input: ${input}.`]
      : [
          'Input, ready to paste under unit_tests:',
          ...input.map((given, index) => (input.length > 1 ? `# load ${index + 1}\n` : '') + givenYaml(given)),
        ];
  return { status: 'failed', message: [`${model.file}: ${implementation.label} ${where}: ${what}`, ...shown].join('\n') };
}

/** The first differing rows only: one wrong transform changes every row, and one says it. */
function firstDifference(diff: RowDiff): RowDiff {
  if (diff.changed.length) return { missing: [], unexpected: [], changed: diff.changed.slice(0, 1) };
  return { missing: diff.missing.slice(0, 1), unexpected: diff.unexpected.slice(0, 1), changed: [] };
}

async function compareCase(
  session: DuckSession,
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  reference: ModelImplementation,
  loads: readonly GivenRows[],
): Promise<CaseOutcome> {
  let expected: CanonicalRow[];
  try {
    expected = await outputOf(session, catalog, model, reference, loads);
  } catch (error) {
    return { kind: 'reference-failed', message: messageOf(error) };
  }
  let actual: CanonicalRow[];
  try {
    actual = await outputOf(session, catalog, model, implementation, loads);
  } catch (error) {
    return { kind: 'implementation-failed', message: messageOf(error) };
  }
  const diff = diffRows(expected, actual, rowKey(model), false);
  return isEmptyDiff(diff) ? { kind: 'same' } : { kind: 'differs', diff };
}

function rowKey(model: Model): readonly string[] {
  if (model.load.strategy === 'scd2') return [...model.load.naturalKey, model.load.validFrom];
  return model.primaryKey.length ? model.primaryKey : model.groupBy;
}

/**
 * The model's rows after the loads. A table or view shows the last snapshot; an scd2 table
 * its history. Without updated_at an scd2 apply stamps versions with the wall clock, which
 * no two runs share: each stamp is read as the load that wrote it ("load 2").
 */
async function outputOf(
  session: DuckSession,
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  loads: readonly GivenRows[],
): Promise<CanonicalRow[]> {
  const columns = model.outputColumns.map(({ name, type }) => ({ name, type }));
  const load = model.load;
  if (load.strategy !== 'scd2')
    return canonicalRows(session, implementation.select, columns, inputStatements(catalog, model, loads[loads.length - 1]));
  const target = warehouseRelation(catalog, 'duckdb')(model.name);
  const clock = new Map<string, string>();
  const stamps = [load.validFrom, load.validTo];
  for (const [index, given] of loads.entries()) {
    await session.runAll([
      ...(index === 0 ? [`DROP TABLE IF EXISTS ${target}`] : []),
      ...inputStatements(catalog, model, given),
      ...loadStatements(model, implementation, target),
    ]);
    if (load.updatedAt) continue;
    const union = stamps
      .map((name) => `SELECT CAST(${quoteIdentifier(name, 'duckdb')} AS VARCHAR) AS stamp FROM ${target}`)
      .join(' UNION ');
    for (const { stamp } of await session.rows(`SELECT DISTINCT stamp FROM (${union}) WHERE stamp IS NOT NULL`))
      if (!clock.has(String(stamp))) clock.set(String(stamp), `load ${index + 1}`);
  }
  const rows = await canonicalRows(session, `SELECT * FROM ${target}`, columns);
  if (load.updatedAt) return rows;
  return rows.map((row) => ({
    ...row,
    ...Object.fromEntries(stamps.map((name) => [name, row[name] === null ? null : (clock.get(row[name]!) ?? row[name])])),
  }));
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
