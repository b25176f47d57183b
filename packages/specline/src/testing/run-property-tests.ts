import fc from 'fast-check';
import { isModel, type Catalog, type Model } from '../catalog';
import { DuckSession, type Row } from '../duckdb';
import { timedCheck, type CheckResult } from './check-result';
import { givenYaml } from './given-yaml';
import type { GivenRows } from './input-tables';
import type { ModelImplementation } from './model-implementation';
import { invariantsOf, type Invariant } from './property-invariants';
import { rowsArbitrary } from './row-arbitraries';

export interface PropertyOptions {
  /** Cases per invariant; small, so the whole test target stays in seconds. */
  readonly numRuns?: number;
}

/**
 * Property-based tests: random inputs drawn from the upstream contracts, the invariants the
 * spec implies checked on the output. The seed comes from the model name, so a run is
 * reproducible and its report is stable; a failure is shrunk to a minimal given block.
 */
export async function runPropertyTests(
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  options: PropertyOptions = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const snapshot = givenArbitrary(catalog, model);
  for (const invariant of invariantsOf(catalog, model)) {
    results.push(
      await timedCheck('property', invariant.name, async () => {
        const session = await DuckSession.open();
        try {
          return await checkInvariant(session, catalog, model, implementation, invariant, snapshot, options.numRuns ?? 25);
        } finally {
          session.close();
        }
      }),
    );
  }
  return results;
}

async function checkInvariant(
  session: DuckSession,
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
  invariant: Invariant,
  snapshot: fc.Arbitrary<GivenRows>,
  numRuns: number,
) {
  const context = { session, catalog, model, implementation };
  const cases = fc
    .array(snapshot, { minLength: invariant.loads, maxLength: invariant.loads })
    .map((snapshots) => snapshots.map((given, index) => later(catalog, model, given, index)));
  const details = await fc.check(
    fc.asyncProperty(cases, async (snapshots) => (await invariant.check(context, snapshots)) === undefined),
    { numRuns, seed: seedOf(`${model.name}/${invariant.name}`) },
  );
  if (!details.failed) return { status: 'passed' as const };
  if (!details.counterexample)
    return { status: 'error' as const, message: `${invariant.name}: ${String(details.errorInstance ?? 'the property threw')}` };
  const [snapshots] = details.counterexample;
  // Replaying the shrunk case can throw (the implementation fails on that input, e.g. a
  // conversion error): that is the finding, reported by its message; a stack trace would
  // only show Specline's own frames.
  let thrown: string | undefined;
  const violation = await invariant.check(context, snapshots).catch((error: unknown) => {
    thrown = error instanceof Error ? error.message : String(error);
    return `it fails on this input: ${thrown}`;
  });
  const blocks = snapshots.map((given, index) => (snapshots.length > 1 ? `# load ${index + 1}\n` : '') + givenYaml(given));
  return {
    status: thrown === undefined ? ('failed' as const) : ('error' as const),
    message: [
      `${model.file}: property "${invariant.name}" fails for ${implementation.label} after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s):`,
      `  ${(violation ?? 'the invariant failed').replace(/\n/g, '\n  ')}`,
      'Minimal input, ready to paste under unit_tests:',
      ...blocks,
    ].join('\n'),
  };
}

/** One random snapshot of every input: rows per alias (the first alias of a dataset read twice). */
function givenArbitrary(catalog: Catalog, model: Model): fc.Arbitrary<GivenRows> {
  const record: Record<string, fc.Arbitrary<Row[]>> = {};
  const seen = new Set<string>();
  for (const input of model.inputs) {
    if (seen.has(input.ref)) continue;
    seen.add(input.ref);
    const upstream = catalog.datasets.get(input.ref);
    if (!upstream) continue;
    const columns = isModel(upstream)
      ? upstream.outputColumns.map((column) => ({ ...column, tests: upstream.columns.find((c) => c.name === column.name)?.tests }))
      : upstream.columns;
    // An scd2 upstream promises one current row per natural key: one version per key keeps that.
    const unique = isModel(upstream) && upstream.load.strategy === 'scd2' ? upstream.load.naturalKey : upstream.primaryKey;
    record[input.alias] = rowsArbitrary(columns, unique);
  }
  return fc.record(record);
}

const LOAD_INTERVAL_DAYS = 60;

/**
 * Load n is taken n * 60 days after the first: every timestamp in it moves forward, beyond the
 * 30-day range one snapshot spans, so an updated_at never runs backwards between loads.
 */
function later(catalog: Catalog, model: Model, given: GivenRows, index: number): GivenRows {
  if (index === 0) return given;
  const shifted: Record<string, Row[]> = {};
  for (const [alias, rows] of Object.entries(given)) {
    const upstream = catalog.datasets.get(model.inputs.find((input) => input.alias === alias)?.ref ?? '');
    const times = new Set(
      (upstream?.columns ?? [])
        .filter((column) => column.type.name === 'TIMESTAMP' || column.type.name === 'DATETIME')
        .map((column) => column.name),
    );
    shifted[alias] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [
          name,
          times.has(name) && typeof value === 'string' ? shiftDays(value, index * LOAD_INTERVAL_DAYS) : value,
        ]),
      ),
    );
  }
  return shifted;
}

function shiftDays(timestamp: string, days: number): string {
  return new Date(Date.parse(`${timestamp.replace(' ', 'T')}Z`) + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A stable 32-bit seed from text (FNV-1a). */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
