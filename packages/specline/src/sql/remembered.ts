/**
 * Remembers the results of a pure function per process, keyed by a string, bounded so a
 * huge catalog cannot grow it without limit (past the bound it starts over). Parsing and
 * translating fragments are pure and repeat across emitters and dialects: at catalog scale
 * they dominated codegen until remembered (see docs/benchmarks.md).
 */
export function remembered<R>(compute: (key: string) => R, maxEntries = 100_000): (key: string) => R {
  const results = new Map<string, R>();
  return (key) => {
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute(key);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
