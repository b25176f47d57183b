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
 * V8 first compiles WASM with its baseline compiler (Liftoff), then recompiles the hot
 * functions of polyglot's large module with its optimising one in background threads. On a
 * 2-core machine that recompilation took ~10 s of CPU beside a test batch of 5 s, and it never
 * paid for itself: loading 1,000 specs took 5.6 s of CPU with Liftoff only, 11 s with it.
 * The flag is process-wide and only affects WASM compiled after it, so the executors call
 * this before anything initialises polyglot; test processes (Jest workers) keep V8's default.
 */
export function compileSqlWasmForQuickStart(): void {
  if (!pending) setFlagsFromString('--liftoff-only');
}

export function polyglotApi(): typeof polyglot {
  if (!ready) throw new SqlNotReadyError();
  return polyglot;
}
