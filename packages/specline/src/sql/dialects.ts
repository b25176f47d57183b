import { Dialect } from '@polyglot-sql/sdk';
import { sqlProblem, type SqlProblem } from './sql-problem';

/**
 * Dialect names are polyglot's own: its Dialect enum is plain JavaScript, so a name from a spec
 * can be checked before the WASM module is loaded. polyglot-runtime.spec.ts checks that the enum
 * and the loaded module's getDialects() agree.
 */
const KNOWN_DIALECTS: readonly Dialect[] = Object.values(Dialect);

/** A dialect name as written in a spec, not yet checked; isKnownDialect narrows it to polyglot's Dialect. */
export type SqlDialect = string;

const known: ReadonlySet<string> = new Set(KNOWN_DIALECTS);

export function isKnownDialect(name: SqlDialect): name is Dialect {
  return known.has(name);
}

export function unknownDialect(name: SqlDialect): SqlProblem {
  return sqlProblem('SQL005', `The SQL dialect '${String(name)}' is unknown.`, `Use one of: ${KNOWN_DIALECTS.join(', ')}.`);
}
