/**
 * The spec.json model shape, which the requirements markdown is parsed into as well, so
 * both formats go through one converter. `origin` says where each piece came from
 * (a markdown line or a JSON path) for the unmapped-pieces report.
 */
export interface ImportedModel {
  readonly origin: string;
  readonly name?: string;
  readonly layer?: string;
  readonly schema?: string;
  readonly description?: string;
  readonly owner?: string;
  readonly load?: string;
  readonly sources: readonly { readonly origin: string; readonly table: string; readonly alias?: string }[];
  readonly column_mapping: readonly ImportedRow[];
  readonly joins: readonly ImportedRow[];
  readonly filters: readonly ImportedRow[];
  readonly aggregations: readonly ImportedRow[];
  readonly group_by: readonly string[];
  readonly constraints: Readonly<Record<string, unknown>>;
  readonly unknown: readonly Unmapped[];
}

/** One table row or JSON object, its values as given. */
export interface ImportedRow {
  readonly origin: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A piece of input the import could not turn into spec fields; reported, never dropped. */
export interface Unmapped {
  readonly origin: string;
  readonly text: string;
  readonly reason: string;
}
