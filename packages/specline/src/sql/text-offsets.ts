/**
 * Polyglot reports positions in Unicode code points, while JavaScript strings (and every
 * offset in a SqlProblem) count UTF-16 units. An emoji in a string literal would shift every
 * later position by one without this conversion.
 */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  let index = 0;
  for (let seen = 0; seen < codePointOffset && index < text.length; seen++) {
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }
  return index;
}
