/**
 * Compiles a regular expression from a spec. Invalid patterns are reported once, by the
 * constitution builder; every later user gets undefined and skips the rule instead of crashing.
 */
export function compilePattern(pattern: string, flags?: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}
