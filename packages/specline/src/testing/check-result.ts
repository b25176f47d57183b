/** A test outcome is a value; only infrastructure faults throw (and become `error`). */
export type CheckStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface CheckResult {
  /** Which family the check belongs to: generic, unit or property. */
  readonly suite: string;
  readonly name: string;
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** Why it failed, errored or was skipped: readable, ready to print. */
  readonly message?: string;
}

export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly message?: string;
}

/** Runs one check and times it; an exception is an `error`, never a crash of the whole suite. */
export async function timedCheck(suite: string, name: string, check: () => Promise<CheckOutcome>): Promise<CheckResult> {
  const start = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await check();
  } catch (error) {
    outcome = { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return { suite, name, ...outcome, durationMs: Math.round((performance.now() - start) * 10) / 10 };
}

export function succeeded(results: readonly CheckResult[]): boolean {
  return results.every((result) => result.status === 'passed' || result.status === 'skipped');
}
