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

export function polyglotApi(): typeof polyglot {
  if (!ready) throw new SqlNotReadyError();
  return polyglot;
}
