import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';

/**
 * BigQuery NUMERIC (alias DECIMAL) is DECIMAL(38, 9). polyglot drops precision and scale for
 * every target, even from NUMERIC(10, 2), and a bare DECIMAL means (18, 3) in DuckDB, (10, 0)
 * in Spark and (38, 0) in Snowflake: amounts would be silently rounded. The precision is
 * written out. BIGNUMERIC (76 digits) has no equivalent and is refused. Returns undefined for
 * a cast to any other type, whose translation polyglot gets right.
 */
export function castToDecimal(call: SourceCall, cast: 'CAST' | 'TRY_CAST'): CorrectionPlan | undefined {
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

/**
 * BigQuery ROUND rounds halves away from zero for FLOAT64 as for NUMERIC
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/mathematical_functions#round).
 * PostgreSQL's round(double precision) rounds halves to even (2.5 gives 2) and it has no
 * round(double precision, integer) at all; its round(numeric) rounds halves away from zero.
 * Rounding as NUMERIC gives BigQuery's value for both argument types; the column's CAST then
 * gives the declared type. (PostgreSQL turns a double into NUMERIC through its 15 significant
 * digits, so a float such as 2.675, stored as 2.67499…, rounds as 2.675 does.)
 */
export function roundAsNumeric(call: SourceCall): CorrectionPlan {
  const { this: value, decimals } = call.data;
  if (decimals === null || decimals === undefined) return rewrite([value], ([x]) => `ROUND(CAST(${x} AS NUMERIC))`);
  return rewrite([value, decimals], ([x, d]) => `ROUND(CAST(${x} AS NUMERIC), ${d})`);
}
