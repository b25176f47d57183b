/**
 * The semantic corpus fragments whose value on an engine still differs from BigQuery's, as
 * src/sql/semantic-corpus.spec.ts last found them (UPDATE_CORPUS_KNOWN=1 rewrites this file).
 * Each is a defect to fix in src/sql/corrections/ or to refuse with SQL005; docs/correctness.md
 * groups them.
 */
export const KNOWN_DIFFERENCES: Readonly<Record<'duckdb' | 'postgresql', readonly string[]>> = {
  duckdb: [],
  postgresql: [],
};
