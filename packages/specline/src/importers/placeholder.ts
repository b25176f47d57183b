/**
 * Requirements written by people hold placeholders where the author has not decided yet:
 * a note in square brackets (`[case statement mapping]`), `...` or `…`, TBD, or a SQL
 * condition cut short with `...`. None of these is a value, so none may reach a spec as one.
 */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  // A note in brackets without quotes: ['a','b'] is an array literal, [see below] is not.
  return /^\[[^\]'"]*\]$/.test(trimmed) || /^(\.\.\.|…|tbd|todo|\?+)$/i.test(trimmed);
}

/** SQL never holds `...` or `…` outside a string, so in a SQL cell either marks text cut short. */
export function isSqlPlaceholder(text: string): boolean {
  return isPlaceholder(text) || /\.\.\.|…/.test(text.replace(/'(?:[^']|'')*'/g, "''"));
}
