import type { PlanFor } from './correction-plan';

/** The BigQuery functions whose polyglot translation some target gets corrected. */
const CORRECTED_FUNCTIONS = [
  'REGEXP_CONTAINS',
  'REGEXP_REPLACE',
  'REGEXP_EXTRACT',
  'CAST',
  'SAFE_CAST',
  'DATE_TRUNC',
  'SPLIT',
  'PARSE_JSON',
  'TIMESTAMP_DIFF',
  'JSON_VALUE',
  'SHA256',
  'MD5',
  'TO_HEX',
  'EXTRACT',
  'CONCAT',
  'DIV',
  'IF_FUNC',
  'DATE_DIFF',
  'DATE_ADD',
  'DATE_SUB',
  'DATE',
  'DATETIME',
  'TIMESTAMP',
  'AT_TIME_ZONE',
  'SUBSTRING',
  'ROUND',
  'ENDS_WITH',
] as const;

export type CorrectedFunction = (typeof CORRECTED_FUNCTIONS)[number];

/**
 * BigQuery names corrected exactly like another: its aliases, and functions of the same
 * family. The call keeps the name it was written with, so messages quote it and SHA512 still
 * renders 512 bits.
 */
const CORRECTED_LIKE: ReadonlyMap<string, CorrectedFunction> = new Map([
  ['REGEXP_SUBSTR', 'REGEXP_EXTRACT'],
  ['JSON_EXTRACT_SCALAR', 'JSON_VALUE'],
  ['TIMESTAMP_TRUNC', 'DATE_TRUNC'],
  ['DATETIME_TRUNC', 'DATE_TRUNC'],
  ['SHA512', 'SHA256'],
]);

/** One target dialect's corrections, keyed by the BigQuery function each one corrects. */
export type CorrectionTable = Readonly<Partial<Record<CorrectedFunction, PlanFor>>>;

/** The entry of a CorrectionTable that an upper-case BigQuery call name looks up, if any. */
export function correctedFunction(name: string): CorrectedFunction | undefined {
  return CORRECTED_LIKE.get(name) ?? CORRECTED_FUNCTIONS.find((corrected) => corrected === name);
}
