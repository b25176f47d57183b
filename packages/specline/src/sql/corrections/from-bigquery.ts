import { Dialect } from '@polyglot-sql/sdk';
import { type CorrectionTable, correctedFunction } from './bigquery-functions';
import type { CorrectionPlan, SourceCall } from './correction-plan';
import { DATABRICKS } from './databricks';
import { DUCKDB } from './duckdb';
import { POSTGRESQL } from './postgresql';
import { SNOWFLAKE } from './snowflake';
import { SPARK } from './spark';

/**
 * Function mappings in polyglot 0.12.1 that produce valid but WRONG SQL, and how to fix or
 * refuse them, one table per target dialect. The rule: an expression the target cannot express
 * exactly is an error, never silently different SQL. Each entry says why; transpile.spec.ts
 * checks every output text, duckdb-semantics.spec.ts and postgres-semantics.spec.ts run them.
 * BigQuery is the only source dialect with corrections; targets not named keep polyglot's mapping.
 */
export const CORRECTIONS_FROM_BIGQUERY: Readonly<Partial<Record<Dialect, CorrectionTable>>> = {
  duckdb: DUCKDB,
  postgresql: POSTGRESQL,
  snowflake: SNOWFLAKE,
  spark: SPARK,
  databricks: DATABRICKS,
};

/** How to correct polyglot's translation of `call` from `from` to `to`; undefined when it is right. */
export function correctionFor(call: SourceCall, from: Dialect, to: Dialect): CorrectionPlan | undefined {
  const name = from === Dialect.BigQuery ? correctedFunction(call.name) : undefined;
  return name === undefined ? undefined : CORRECTIONS_FROM_BIGQUERY[to]?.[name]?.(call);
}
