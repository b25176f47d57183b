import { type CorrectionPlan, rewrite, type SemanticCorrection, type SourceCall, unsupported } from './correction-plan';
import { DIGEST_CORRECTIONS } from './digest-corrections';
import { JSON_VALUE_CORRECTION } from './json-value-correction';
import { countCaptureGroups } from './regex-capture-groups';
import { castNode, datePart, stringLiteral, stringValue } from './source-literals';
import { TIMESTAMP_DIFF_CORRECTION } from './timestamp-diff-correction';

/**
 * Function mappings in polyglot 0.12.1 that produce valid but WRONG SQL, and how to fix or
 * refuse them. The rule: an expression the target cannot express exactly is an error, never
 * silently different SQL. Each entry says why; transpile.spec.ts checks every output text and
 * duckdb-semantics.spec.ts runs the DuckDB ones. Targets not named keep polyglot's mapping.
 */
export const SEMANTIC_CORRECTIONS: readonly SemanticCorrection[] = [
  {
    // BigQuery REGEXP_CONTAINS is true when the pattern matches ANY PART of the string.
    // polyglot emits DuckDB REGEXP_FULL_MATCH and Snowflake REGEXP_LIKE, which need the WHOLE
    // string to match, so REGEXP_CONTAINS('abc', 'b') would turn false. Spark's RLIKE and
    // PostgreSQL's ~ match partially, so polyglot is right there.
    names: ['REGEXP_CONTAINS'],
    sourceDialects: ['bigquery'],
    targets: {
      duckdb: (call) => withArgs(call, 2, ([s, p]) => `REGEXP_MATCHES(${s}, ${p})`),
      snowflake: (call) => withArgs(call, 2, ([s, p]) => `REGEXP_INSTR(${s}, ${p}) > 0`, false),
    },
  },
  {
    // BigQuery REGEXP_REPLACE replaces EVERY match. DuckDB and PostgreSQL replace only the
    // first one unless given the 'g' flag: REGEXP_REPLACE(phone, r'[^0-9]', '') would strip a
    // single character. Spark (Java regex) reads '$1' in the replacement as a group and '\1' as
    // a plain 1, the reverse of BigQuery, so a replacement using either is refused there.
    names: ['REGEXP_REPLACE'],
    sourceDialects: ['bigquery'],
    targets: {
      duckdb: (call) => withArgs(call, 3, ([s, p, r]) => `REGEXP_REPLACE(${s}, ${p}, ${r}, 'g')`),
      postgresql: (call) => withArgs(call, 3, ([s, p, r]) => `REGEXP_REPLACE(${s}, ${p}, ${r}, 'g')`),
      spark: javaSafeReplacement,
      databricks: javaSafeReplacement,
    },
  },
  {
    // BigQuery REGEXP_EXTRACT (alias REGEXP_SUBSTR) returns capturing group 1, or the whole
    // match when the pattern has no group, and NULL when nothing matches. polyglot asks DuckDB
    // for group 1 even without groups (giving ''), leaves Spark on group 1 (an error without
    // groups) and gives Snowflake REGEXP_SUBSTR, which ignores groups. DuckDB and Spark return
    // '' rather than NULL on no match, hence the CASE.
    names: ['REGEXP_EXTRACT', 'REGEXP_SUBSTR'],
    sourceDialects: ['bigquery'],
    targets: {
      duckdb: (call) => extract(call, (s, p, g) => `CASE WHEN REGEXP_MATCHES(${s}, ${p}) THEN REGEXP_EXTRACT(${s}, ${p}, ${g}) END`),
      spark: (call) => extract(call, (s, p, g) => `CASE WHEN ${s} RLIKE ${p} THEN REGEXP_EXTRACT(${s}, ${p}, ${g}) END`),
      databricks: (call) => extract(call, (s, p, g) => `CASE WHEN ${s} RLIKE ${p} THEN REGEXP_EXTRACT(${s}, ${p}, ${g}) END`),
      snowflake: (call) =>
        extract(call, (s, p, g) => (g === 0 ? `REGEXP_SUBSTR(${s}, ${p})` : `REGEXP_SUBSTR(${s}, ${p}, 1, 1, 'e', ${g})`)),
    },
  },
  {
    // BigQuery NUMERIC (alias DECIMAL) is DECIMAL(38, 9). polyglot drops precision and scale
    // for every target, even from NUMERIC(10, 2), and a bare DECIMAL means (18, 3) in DuckDB,
    // (10, 0) in Spark and (38, 0) in Snowflake: amounts would be silently rounded. The precision
    // is written out. BIGNUMERIC (76 digits) has no equivalent and is refused.
    names: ['CAST'],
    sourceDialects: ['bigquery'],
    targets: {
      duckdb: (call) => castToDecimal(call, 'CAST'),
      spark: (call) => castToDecimal(call, 'CAST'),
      databricks: (call) => castToDecimal(call, 'CAST'),
      snowflake: (call) => castToDecimal(call, 'CAST'),
      postgresql: (call) => castToDecimal(call, 'CAST'),
    },
  },
  {
    // SAFE_CAST gives NULL when a value does not convert. polyglot turns it into a plain CAST
    // for Snowflake and PostgreSQL, which fail the whole query instead. Snowflake's TRY_CAST
    // does the same job (for string input; other input fails to compile, loudly). PostgreSQL
    // has no equivalent. The NUMERIC precision fix of CAST applies here too.
    names: ['SAFE_CAST'],
    sourceDialects: ['bigquery'],
    targets: {
      duckdb: (call) => castToDecimal(call, 'TRY_CAST'),
      spark: (call) => castToDecimal(call, 'TRY_CAST'),
      databricks: (call) => castToDecimal(call, 'TRY_CAST'),
      snowflake: (call) =>
        castToDecimal(call, 'TRY_CAST') ??
        rewrite([castNode('cast', call.data['this'], call.data['to'])], ([cast]) =>
          cast?.startsWith('CAST(') ? `TRY_${cast}` : undefined,
        ),
      postgresql: () =>
        unsupported(
          'SAFE_CAST has no PostgreSQL equivalent: CAST fails the query where SAFE_CAST gives NULL.',
          'Use CAST if every value converts, or validate the text with REGEXP_CONTAINS in a CASE first.',
        ),
    },
  },
  {
    // BigQuery's WEEK starts on Sunday; DATE_TRUNC('WEEK', …) in DuckDB, Spark and PostgreSQL
    // (and Snowflake with its default WEEK_START = 0) starts on Monday, so plain WEEK is refused
    // and WEEK(MONDAY) / ISOWEEK become 'WEEK'. polyglot also emits 'WEEK(MONDAY)' as a unit
    // string and TIMESTAMP_TRUNC for Snowflake, neither of which exists there.
    names: ['DATE_TRUNC', 'TIMESTAMP_TRUNC', 'DATETIME_TRUNC'],
    sourceDialects: ['bigquery'],
    targets: { duckdb: truncate, spark: truncate, databricks: truncate, snowflake: truncate, postgresql: truncate },
  },
  {
    // BigQuery SPLIT cuts at a literal delimiter (',' by default). Spark's SPLIT reads the
    // delimiter as a Java regex, so SPLIT(s, '.') or SPLIT(s, '|') would cut at every
    // character. The delimiter is regex-escaped; a computed delimiter cannot be and is refused.
    names: ['SPLIT'],
    sourceDialects: ['bigquery'],
    targets: { spark: regexSafeSplit, databricks: regexSafeSplit },
  },
  {
    // PARSE_JSON checks the text and returns a JSON value. polyglot gives Spark the bare string
    // argument: invalid JSON passes unnoticed and the type changes. Spark 3.5 has no JSON type.
    names: ['PARSE_JSON'],
    sourceDialects: ['bigquery'],
    targets: {
      spark: () =>
        unsupported(
          'PARSE_JSON has no Spark equivalent: Spark 3.5 has no JSON type, and polyglot would pass the unchecked string on.',
          'Keep the column a STRING and read fields with JSON_VALUE, or keep this model off the pyspark target.',
        ),
    },
  },
  TIMESTAMP_DIFF_CORRECTION,
  JSON_VALUE_CORRECTION,
  ...DIGEST_CORRECTIONS,
];

function withArgs(call: SourceCall, count: number, render: (args: readonly string[]) => string, atomic = true): CorrectionPlan {
  if (call.args.length !== count) {
    return unsupported(
      `${call.name} with ${call.args.length} arguments cannot be translated safely.`,
      `Call ${call.name} with exactly ${count} arguments.`,
    );
  }
  return rewrite(call.args, render, atomic);
}

function javaSafeReplacement(call: SourceCall): CorrectionPlan | undefined {
  const replacement = call.args.length === 3 ? stringValue(call.args[2]) : undefined;
  if (replacement !== undefined && !/[\\$]/.test(replacement)) return undefined;
  return unsupported(
    'REGEXP_REPLACE cannot be translated to Spark safely: Spark reads $ and \\ in the replacement differently from BigQuery.',
    'Use a string literal replacement without $ or \\, e.g. build the result with CONCAT and REGEXP_EXTRACT.',
  );
}

function extract(call: SourceCall, render: (s: string, p: string, group: number) => string): CorrectionPlan {
  const pattern = call.args.length === 2 ? stringValue(call.args[1]) : undefined;
  if (pattern === undefined) {
    return unsupported(
      `${call.name} can only be translated with two arguments and a literal pattern.`,
      "Write the pattern as a string literal, e.g. REGEXP_EXTRACT(email, r'@(.+)$'), without position or occurrence.",
    );
  }
  const groups = countCaptureGroups(pattern);
  if (groups > 1)
    return unsupported(
      `${call.name} pattern has ${groups} capturing groups; BigQuery allows at most one.`,
      'Make the other groups non-capturing with (?:…).',
    );
  return rewrite(call.args, ([s, p]) => (s && p ? render(s, p, groups) : undefined));
}

function castToDecimal(call: SourceCall, cast: 'CAST' | 'TRY_CAST'): CorrectionPlan | undefined {
  const target = decimalType(call.data['to']);
  if (target === undefined) return undefined;
  if (target === 'unsupported') {
    return unsupported(
      'BIGNUMERIC, and NUMERIC inside ARRAY or STRUCT, cannot be translated without losing precision.',
      'Cast to NUMERIC(p, s) with p ≤ 38 at the top level.',
    );
  }
  return rewrite([call.data['this']], ([value]) => `${cast}(${value} AS ${target})`);
}

/** BigQuery NUMERIC defaults: (38, 9) without parameters, scale 0 with precision only. */
function decimalType(to: unknown): string | 'unsupported' | undefined {
  const type = to as { data_type?: string; name?: string; precision?: number | null; scale?: number | null } | undefined;
  if (type?.data_type === 'decimal') {
    const precision = type.precision ?? 38;
    const scale = type.scale ?? (type.precision == null ? 9 : 0);
    return precision > 38 ? 'unsupported' : `DECIMAL(${precision}, ${scale})`;
  }
  return /"data_type":"decimal"|"name":"BIG(NUMERIC|DECIMAL)"/i.test(JSON.stringify(to ?? null)) ? 'unsupported' : undefined;
}

const SAME_UNITS = new Set(['MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'QUARTER', 'YEAR']);
const MONDAY_WEEKS = new Set(['ISOWEEK', 'WEEK(MONDAY)']);

function truncate(call: SourceCall): CorrectionPlan {
  const unit = call.args.length === 2 ? datePart(call.args[1]) : undefined;
  const target = unit === undefined ? undefined : SAME_UNITS.has(unit) ? unit : MONDAY_WEEKS.has(unit) ? 'WEEK' : undefined;
  if (target === undefined) {
    return unsupported(
      `${call.name}(…, ${unit ?? '?'}) has no exact equivalent in the target dialect${unit?.startsWith('WEEK') ? ': its weeks start on Monday, BigQuery WEEK starts on Sunday' : ''}.`,
      'Use ISOWEEK or WEEK(MONDAY) for Monday weeks, one of DAY, MONTH, QUARTER, YEAR, HOUR, MINUTE, SECOND otherwise, and no time zone argument.',
    );
  }
  return rewrite([call.args[0]], ([value]) => `DATE_TRUNC('${target}', ${value})`);
}

function regexSafeSplit(call: SourceCall): CorrectionPlan {
  const delimiter = call.args.length === 1 ? ',' : call.args.length === 2 ? stringValue(call.args[1]) : undefined;
  if (delimiter === undefined || delimiter === '') {
    return unsupported(
      'SPLIT can only be translated to Spark with a non-empty literal delimiter: Spark reads the delimiter as a regex.',
      "Write the delimiter as a string literal, e.g. SPLIT(tags, '|').",
    );
  }
  const escaped = delimiter.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
  return rewrite([call.args[0], stringLiteral(escaped)], ([s, d]) => `SPLIT(${s}, ${d})`);
}
