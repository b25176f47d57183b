import type { ColumnTest, ModelTest } from '../catalog';

/** Where a value is written (positions, pointers) and its parse tree: not part of what it means. */
const NOT_MEANING = new Set(['location', 'pointer', 'parsed', 'related']);

/** Whether two resolved values mean the same, wherever in their files they are written. */
export function sameValue(a: unknown, b: unknown): boolean {
  return meaningOf(a) === meaningOf(b);
}

function meaningOf(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => (NOT_MEANING.has(key) ? undefined : inner)) ?? 'undefined';
}

/** A test as one line, which is also how two revisions' tests are matched. */
export function describeTest(test: ColumnTest | ModelTest): string {
  switch (test.kind) {
    case 'not_null':
    case 'unique':
      return test.kind;
    case 'accepted_values':
      return `accepted_values(${test.values.map(String).join(', ')})`;
    case 'relationships':
      return `relationships(${test.to}.${test.field})`;
    case 'expression':
      return `expression(${test.expression.text.replace(/\s+/g, ' ')})`;
    case 'row_count':
      return `row_count(${[test.min === undefined ? '' : `min ${test.min}`, test.max === undefined ? '' : `max ${test.max}`].filter(Boolean).join(', ')})`;
    case 'unique_combination':
      return `unique_combination(${test.columns.join(', ')})`;
  }
}
