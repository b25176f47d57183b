/**
 * What spec:import writes where its input held a placeholder (`[case statement mapping]`,
 * `...`) instead of SQL: visible in the YAML, never valid SQL (a SQL expression cannot
 * start with `TODO:`), and reported by the loader as TODO001 with a hint, so the catalog
 * does not validate until a person writes the real expression.
 */
export const IMPORT_PLACEHOLDER_PREFIX = 'TODO:';

/** The fragment text that stands for a placeholder the input had. */
export function importPlaceholder(written: string): string {
  return `${IMPORT_PLACEHOLDER_PREFIX} ${written}`;
}

export function isImportPlaceholder(text: string): boolean {
  return text.trimStart().startsWith(IMPORT_PLACEHOLDER_PREFIX);
}
