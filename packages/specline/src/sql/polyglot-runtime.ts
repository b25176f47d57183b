import { setFlagsFromString } from 'node:v8';
import * as polyglot from '@polyglot-sql/sdk';
import { SqlNotReadyError } from './sql-errors';

/**
 * The polyglot WASM module must be initialised once before any call (in CommonJS, calls made
 * earlier fail inside wasm-bindgen). Every module in sql/ reaches polyglot through
 * polyglotApi() so that forgetting initSql() gives one clear error instead of a WASM one.
 */
let ready = false;
let pending: Promise<void> | undefined;

export function initSql(): Promise<void> {
  if (!pending) {
    pending = polyglot.init().then(
      () => {
        ready = true;
      },
      (error: unknown) => {
        pending = undefined; // let a later call retry instead of caching the failure
        throw error;
      },
    );
  }
  return pending;
}

/**
 * Polyglot is a 22 MB WebAssembly module. V8 first compiles it with its baseline compiler
 * (Liftoff), then recompiles every hot function with its optimising compiler (TurboFan) on
 * background threads. For this module the recompilation costs far more than it ever returns:
 * parsing 5,000 fragments took 9.9 s and 264 MB of RSS with it, 1.3 s and 93 MB without;
 * loading 1,000 specs took 5.6 s of CPU instead of 11 s; `nx g spec:table` peaked at 280 MB
 * instead of 540 MB. A batch process or a generator parses each fragment once or twice, so it
 * never runs long enough to win the cost back.
 *
 * The flag is process-wide and only affects WebAssembly compiled after it (Specline loads no
 * other), so executors and generators call this before anything initialises polyglot; it is
 * not in initSql, so that a Jest worker that only parses keeps V8's default (with the flag set
 * in every worker, workers were twice force-exited at teardown). A worker running a
 * generator's tests does set it; those runs exit cleanly (the CI run of this change).
 */
export function keepWasmOnBaselineCompiler(): void {
  if (!pending) setFlagsFromString('--liftoff-only');
}

export function polyglotApi(): typeof polyglot {
  if (!ready) throw new SqlNotReadyError();
  return polyglot;
}
