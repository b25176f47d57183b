/**
 * The column names every dataset exposes, gathered from all specs before any model is
 * resolved, so a model can check its references whatever order the files were read in.
 */
export interface DatasetShape {
  readonly kind: 'source' | 'model';
  readonly file: string;
  readonly columns: ReadonlySet<string>;
}

export type DatasetShapes = ReadonlyMap<string, DatasetShape>;

/** The technical columns an scd2 load adds to the declared ones. */
export function scd2ColumnNames(load: { valid_from?: string; valid_to?: string; is_current?: string } | undefined): string[] {
  return [load?.valid_from ?? 'valid_from', load?.valid_to ?? 'valid_to', load?.is_current ?? 'is_current'];
}
