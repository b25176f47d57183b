/**
 * A table of strings: the one shape every tabular review document is built from, so the
 * CSV files and the workbook sheets show the same cells in the same order.
 */
export interface ReviewTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
