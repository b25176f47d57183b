import { rewrite, unsupported, type CorrectionPlan, type SemanticCorrection, type SourceCall } from './correction-plan';
import { stringLiteral, stringValue } from './source-literals';

/** `$`, `$.key`, `$.a.b[0]`: the JSONPath subset DuckDB reads the same way BigQuery does. */
const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

/**
 * BigQuery JSON_VALUE (alias JSON_EXTRACT_SCALAR) returns a scalar as unquoted STRING, and NULL
 * for an object, an array or a JSON null.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/json_functions#json_value
 * polyglot gives DuckDB `j -> path`, which returns JSON ('"x"', quotes included), and
 * PostgreSQL JSON_EXTRACT_PATH_TEXT(j, '$.a'), which reads '$.a' as one key named "$.a".
 */
export const JSON_VALUE_CORRECTION: SemanticCorrection = {
  names: ['JSON_VALUE', 'JSON_EXTRACT_SCALAR'],
  sourceDialects: ['bigquery'],
  targets: {
    // https://duckdb.org/docs/stable/data/json/json_functions: ->> is unquoted text, json_type names the kind.
    duckdb: (call) => withPath(call, (j, p) => `CASE WHEN JSON_TYPE(${j}, ${p}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE ${j} ->> ${p} END`),
    postgresql: (call) =>
      unsupported(
        `${call.name} cannot be translated to PostgreSQL: polyglot's JSON_EXTRACT_PATH_TEXT reads the JSONPath as a single key.`,
        'Keep this model off the postgresql target, or extract the field in an upstream model on a dialect that has it.',
      ),
  },
};

function withPath(call: SourceCall, render: (json: string, path: string) => string): CorrectionPlan {
  const path = stringValue(call.data['path']);
  if (path === undefined || !SIMPLE_PATH.test(path)) {
    return unsupported(
      `${call.name} can only be translated with a literal path such as '$.a.b' or '$.items[0]'.`,
      "Write the path as a string literal of dotted keys and [n] indexes, e.g. JSON_VALUE(payload, '$.customer.id').",
    );
  }
  return rewrite([call.data['this'], stringLiteral(path)], ([j, p]) => (j && p ? render(j, p) : undefined), false);
}
