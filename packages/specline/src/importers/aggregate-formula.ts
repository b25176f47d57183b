const FUNCTIONS: Readonly<Record<string, string>> = {
  sum: 'sum',
  count: 'count',
  min: 'min',
  max: 'max',
  avg: 'avg',
  any_value: 'any_value',
};
const ANY_AGGREGATE = /\b(SUM|COUNT|MIN|MAX|AVG|ANY_VALUE)\s*\(/i;

/** The index of the parenthesis that closes the one at `open`, outside string literals. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

export type AggregateFormula =
  | { readonly kind: 'none' }
  /** The whole transform is one aggregate call: `argument` is what it aggregates (`*` for COUNT(*)). */
  | { readonly kind: 'aggregate'; readonly aggregate: string; readonly argument: string }
  /** An aggregate inside a larger expression (`ROUND(SUM(x), 2)`): the spec has no place for it. */
  | { readonly kind: 'nested'; readonly function: string };

/**
 * Reads a transform written as an aggregate formula, the way requirements show measures:
 * `SUM(amount)`, `COUNT(DISTINCT order_id)`, `AVG({from})`. A spec column aggregates its
 * transform over the group, so the formula becomes `aggregate` plus what it aggregates.
 */
export function readAggregateFormula(transform: string): AggregateFormula {
  const text = transform.trim();
  const call = /^([A-Za-z_]+)\s*\(/.exec(text);
  const name = call?.[1].toLowerCase();
  if (call && name && FUNCTIONS[name] && closingParen(text, call[0].length - 1) === text.length - 1) {
    let argument = text.slice(call[0].length, -1).trim();
    let aggregate = FUNCTIONS[name];
    const distinct = /^DISTINCT\s+/i.exec(argument);
    if (distinct) {
      if (aggregate !== 'count') return { kind: 'nested', function: `${name.toUpperCase()}(DISTINCT ...)` };
      aggregate = 'count_distinct';
      argument = argument.slice(distinct[0].length).trim();
    }
    const inner = ANY_AGGREGATE.exec(argument);
    if (inner) return { kind: 'nested', function: inner[1].toUpperCase() };
    return { kind: 'aggregate', aggregate, argument };
  }
  const nested = ANY_AGGREGATE.exec(text.replace(/'(?:[^']|'')*'/g, "''"));
  return nested ? { kind: 'nested', function: nested[1].toUpperCase() } : { kind: 'none' };
}
