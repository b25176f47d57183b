import fc from 'fast-check';
import type { Catalog, Model } from '../catalog';
import { timedCheck, type CheckResult } from './check-result';
import { givenYaml } from './given-yaml';
import type { GivenRows } from './input-tables';
import type { ModelImplementation } from './model-implementation';
import type { Invariant, InvariantContext } from './invariant';
import { invariantsOf } from './property-invariants';
import { givenArbitrary, seedOf, successiveLoads } from './given-arbitrary';
import { DUCKDB_ENGINE, type TestEngine } from './test-engine';

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
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const snapshot = givenArbitrary(catalog, model);
  for (const invariant of invariantsOf(catalog, model, engine)) {
    results.push(
      // A fresh scratch state per invariant, as each case leaves its tables behind.
      await timedCheck('property', invariant.name, () =>
        engine.scratch((session) =>
          checkInvariant({ session, catalog, model, implementation }, invariant, snapshot, options.numRuns ?? 25),
        ),
      ),
    );
  }
  return results;
}

async function checkInvariant(context: InvariantContext, invariant: Invariant, snapshot: fc.Arbitrary<GivenRows>, numRuns: number) {
  const { catalog, model, implementation } = context;
  // From one load up to the invariant's count, so a failure shrinks to the fewest loads too.
  const cases = successiveLoads(catalog, model, snapshot, 1, invariant.loads);
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
