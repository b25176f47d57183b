import { MAX_NESTING_DEPTH } from './limits';

/**
 * Brackets this deep are refused before any parser sees them: the YAML and JSON parsers
 * recurse into flow collections, and 100,000 levels exhaust the stack (slowly). A real spec
 * is nowhere near it; quoted brackets count too, so the margin over MAX_NESTING_DEPTH is wide.
 */
export const MAX_BRACKET_DEPTH = 1000;

/**
 * The offset at which the flow brackets of a text first open more than `limit` levels deep,
 * counting every [ and { (quotes ignored), or -1 when they never do.
 */
export function offsetOfDeepNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (char === '[' || char === '{') {
      if (++depth > limit) return offset;
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return -1;
}
