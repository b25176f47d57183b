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
 * V8 first runs WebAssembly through its baseline compiler (Liftoff) and re-compiles hot
 * functions with its optimizing one (TurboFan) in the background. polyglot's module is 22 MB
 * of parser, and optimizing its huge functions costs far more than it ever saves here: after
 * 50 parses a process held 300 MB instead of 110 MB and took 7 s to exit (V8 waits for the
 * compile jobs), and loading a 1,000-spec catalog took 30-36 s and 590 MB instead of 12-16 s
 * and 250 MB. The flags are read when a module is compiled, so they must
 * be set before polyglot's; they are process-wide, and nothing else in a Specline or Nx
 * process runs WebAssembly (Nx and DuckDB are native code).
 */
function keepWasmOnBaselineCompiler(): void {
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
}
