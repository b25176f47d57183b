/**
 * Remembers the results of a pure function of strings per process, bounded so a huge catalog
 * cannot grow it without limit (past the bound it starts over). Parsing and translating
 * fragments are pure and repeat across emitters and dialects: at catalog scale they dominated
 * codegen until remembered (see docs/benchmarks.md).
 */
export function remembered<A extends readonly string[], R>(compute: (...args: A) => R, maxEntries = 100_000): (...args: A) => R {
  const results = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute(...args);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
