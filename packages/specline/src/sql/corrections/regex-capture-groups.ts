/**
 * Counts the capturing groups of an RE2 pattern (BigQuery's regex engine). BigQuery's
 * REGEXP_EXTRACT returns group 1 when there is one and the whole match otherwise, while
 * DuckDB, Spark and Snowflake each pick a fixed group, so the count decides the translation.
 */
export function countCaptureGroups(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++; // an escaped character never opens a group or a class
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++; // a ']' first in a class is a literal
    } else if (char === '(') {
      // (?P<name>…) and (?<name>…) capture; (?:…), (?i) and other (?…) forms do not.
      const rest = pattern.slice(i + 1);
      if (!rest.startsWith('?') || /^\?P?<[A-Za-z_]/.test(rest)) count++;
    }
  }
  return count;
}
