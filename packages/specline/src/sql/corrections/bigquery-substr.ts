import { nodeData, nodeType } from '../ast-nodes';
import { type CorrectionPlan, rewrite, type SourceCall } from './correction-plan';

/**
 * BigQuery SUBSTR(value, position[, length]) counts a negative position from the end (-1 is the
 * last character) and starts at 1 from a position of 0 or one left of the start:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#substr
 * PostgreSQL counts the characters before position 1 against the length instead
 * (SUBSTRING('abcdef' FROM -2) is the whole string, SUBSTR('abcdef', 0, 2) is 'a'), and DuckDB
 * does so for 0 and gives '' left of the start, so the position is made 1 or more first. A
 * positive literal position keeps polyglot's translation, which is right. PostgreSQL's SUBSTR
 * takes INTEGER, not the BIGINT an INT64 becomes, so a computed position or length is cast.
 */
export function substrFromBigQueryPosition(call: SourceCall): CorrectionPlan | undefined {
  const { this: value, start, length } = call.data;
  const position = integerLiteral(start);
  if (position !== undefined && position > 0) return undefined;
  const hasLength = length !== null && length !== undefined;
  const lengthIsLiteral = integerLiteral(length) !== undefined;
  return rewrite(hasLength ? [value, start, length] : [value, start], ([s, p, n]) => {
    if (s === undefined || p === undefined) return undefined;
    const fromEnd = `GREATEST(LENGTH(${s}) + ${p} + 1, 1)`;
    const from =
      position === 0
        ? '1'
        : position !== undefined
          ? fromEnd
          : `CAST(CASE WHEN ${p} < 0 THEN ${fromEnd} WHEN ${p} = 0 THEN 1 ELSE ${p} END AS INTEGER)`;
    if (n === undefined) return `SUBSTR(${s}, ${from})`;
    return `SUBSTR(${s}, ${from}, ${lengthIsLiteral ? n : `CAST(${n} AS INTEGER)`})`;
  });
}

/** An integer literal, negative ones included (polyglot parses -2 as neg(2)). */
function integerLiteral(node: unknown): number | undefined {
  const type = nodeType(node);
  const data = nodeData(node);
  if (type === 'neg') {
    const inner = integerLiteral(data['this']);
    return inner === undefined ? undefined : -inner;
  }
  if (type !== 'literal' || data['literal_type'] !== 'number' || typeof data['value'] !== 'string') return undefined;
  return /^\d+$/.test(data['value']) ? Number(data['value']) : undefined;
}
