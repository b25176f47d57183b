import type { CorrectionTable } from './bigquery-functions';
import { SPARK } from './spark';

/**
 * Databricks runs Spark SQL, so it takes Spark's corrections (as sqlglot's Databricks extends
 * its Spark dialect) except where it differs:
 * - PARSE_JSON: Databricks has it, returning a VARIANT and failing on invalid JSON
 *   (https://docs.databricks.com/sql/language-manual/functions/parse_json.html, Databricks
 *   Runtime 15.3 and later), and polyglot keeps the call, so Spark's refusal does not apply.
 */
const { PARSE_JSON: _databricksHasParseJson, ...inherited } = SPARK;

export const DATABRICKS: CorrectionTable = inherited;
