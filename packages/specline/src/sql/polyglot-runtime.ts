import * as polyglot from '@polyglot-sql/sdk';
import { setFlagsFromString } from 'node:v8';
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
    keepWasmOnBaselineCompiler();
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

export function polyglotApi(): typeof polyglot {
  if (!ready) throw new SqlNotReadyError();
  return polyglot;
}

/**
 * Polyglot is a 22 MB WebAssembly module. V8 first compiles it with its baseline compiler
 * (Liftoff), then recompiles every hot function with its optimising compiler (TurboFan) on
 * background threads. For this module the recompilation costs far more than it ever returns:
 * parsing 5,000 fragments took 9.9 s and 264 MB of RSS with it, 1.3 s and 93 MB without (the
 * optimised code and the compiler's memory, not the heap). A batch process parses and
 * translates a whole catalog's fragments once each, so it never runs long enough to win it
 * back. The flag must be set before the module is compiled, and it applies to this process's
 * WebAssembly only; Specline loads no other.
 */
function keepWasmOnBaselineCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
