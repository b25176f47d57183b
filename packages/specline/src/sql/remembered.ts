/** A remembering function, whose results can be handed to another process and back. */
export interface Remembered<A extends readonly string[], R> {
  (...args: A): R;
  /** What it has computed so far, keyed by its arguments. */
  entries(): [key: string, result: R][];
  /** Takes results computed elsewhere (by the same code) as its own. */
  restore(entries: Iterable<readonly [key: string, result: R]>): void;
}

/**
 * Remembers the results of a pure function of strings per process, bounded so a huge catalog
 * cannot grow it without limit (past the bound it starts over). Parsing and translating
 * fragments are pure and repeat across emitters and dialects: at catalog scale they dominated
 * codegen until remembered (see docs/benchmarks.md).
 */
export function remembered<A extends readonly string[], R>(compute: (...args: A) => R, maxEntries = 100_000): Remembered<A, R> {
  const results = new Map<string, R>();
  const remember = (key: string, result: R) => {
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
  };
  const call = (...args: A): R => {
    const key = JSON.stringify(args);
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute(...args);
    remember(key, result);
    return result;
  };
  return Object.assign(call, {
    entries: () => [...results],
    restore: (entries: Iterable<readonly [string, R]>) => {
      for (const [key, result] of entries) if (!results.has(key)) remember(key, result);
    },
  });
}
