import { rewrite, type SemanticCorrection, type SourceCall } from './correction-plan';

/**
 * BigQuery's digests return BYTES and TO_HEX turns BYTES into lower-case hex.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/hash_functions
 * polyglot keeps that shape (SHA256 -> bytes, TO_HEX -> LOWER(HEX(…))) for DuckDB, but not
 * everywhere: PostgreSQL's sha256 takes bytea (a text column has no such function) and its
 * md5 returns hex text; Spark's SHA2 returns hex text, so HEX over it encodes the hex twice;
 * neither PostgreSQL nor Snowflake has HEX. The fixes restore BYTES in, hex text out.
 */
export const DIGEST_CORRECTIONS: readonly SemanticCorrection[] = [
  {
    // https://www.postgresql.org/docs/15/functions-binarystring.html: sha256(bytea), convert_to(text, encoding).
    // A BYTES argument (no convert_to(bytea)) fails to compile, loudly.
    names: ['SHA256', 'SHA512'],
    sourceDialects: ['bigquery'],
    targets: {
      postgresql: (call) => single(call, (x) => `${call.name}(CONVERT_TO(${x}, 'UTF8'))`),
      // https://spark.apache.org/docs/3.5.0/api/sql/index.html#sha2: hex text; UNHEX makes it binary.
      spark: (call) => single(call, (x) => `UNHEX(SHA2(${x}, ${call.name.slice(3)}))`),
      databricks: (call) => single(call, (x) => `UNHEX(SHA2(${x}, ${call.name.slice(3)}))`),
    },
  },
  {
    // PostgreSQL md5(text) returns hex text; DECODE(…, 'hex') makes it the 16 bytes BigQuery returns.
    names: ['MD5'],
    sourceDialects: ['bigquery'],
    targets: { postgresql: (call) => single(call, (x) => `DECODE(MD5(${x}), 'hex')`) },
  },
  {
    names: ['TO_HEX'],
    sourceDialects: ['bigquery'],
    targets: {
      // encode(bytea, 'hex') is lower-case.
      postgresql: (call) => single(call, (x) => `ENCODE(${x}, 'hex')`),
      // https://docs.snowflake.com/en/sql-reference/functions/to_char: TO_VARCHAR(binary, 'HEX') is upper-case.
      snowflake: (call) => single(call, (x) => `LOWER(TO_VARCHAR(${x}, 'HEX'))`),
    },
  },
];

function single(call: SourceCall, render: (x: string) => string) {
  return call.args.length === 1 ? rewrite(call.args, ([x]) => (x === undefined ? undefined : render(x))) : undefined;
}
