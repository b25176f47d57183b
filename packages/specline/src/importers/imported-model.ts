/**
 * One model as an input format describes it, before it becomes a spec: the brief's
 * spec.json shape, which the requirements markdown is parsed into as well, so both formats
 * go through one converter. Every piece keeps its `origin` (a markdown `file:line` or a
 * JSON path) so that whatever is not carried over exactly is reported where it came from.
 */
export interface ImportedModel {
  readonly origin: string;
  readonly name?: string;
  /** The target schema, as `(schema: s)` or a JSON field gave it. */
  readonly schema?: string;
  readonly sources: readonly ImportedSource[];
  readonly column_mapping: readonly ImportedRow[];
  readonly joins: readonly ImportedRow[];
  readonly filters: readonly ImportedRow[];
  /** The older format's aggregation table: metric_column and type. */
  readonly aggregations: readonly ImportedRow[];
  readonly group_by?: ImportedValue;
  /**
   * Model-level fields beside the tables (layer, description, owner, load, primary_key,
   * scd_type, natural_key, effective_at, ...), by their snake_case name.
   */
  readonly fields: Readonly<Record<string, ImportedValue>>;
  /** What the parser already could not read: unknown lines, keys, malformed entries. */
  readonly notes: readonly ImportNote[];
}

export interface ImportedSource {
  readonly origin: string;
  /** As written, e.g. raw.billing_accounts. */
  readonly table: string;
  readonly alias?: string;
}

/** One table row or JSON object, its values as given, keyed by snake_case header. */
export interface ImportedRow {
  readonly origin: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface ImportedValue {
  readonly origin: string;
  readonly value: unknown;
}

/**
 * A piece of input that was not carried over exactly, and what happened to it:
 * - `unmapped`: left out of the spec (a field our format has no place for);
 * - `changed`: carried over in another form (a formula became an aggregate, a type was assumed);
 * - `todo`: a placeholder, written as a TODO that fails validation until a person fills it in;
 * - `refused`: the model could not be imported at all, for this reason.
 */
export const IMPORT_EFFECTS = ['unmapped', 'changed', 'todo', 'refused'] as const;

export interface ImportNote {
  readonly origin: string;
  readonly effect: (typeof IMPORT_EFFECTS)[number];
  readonly text: string;
  readonly reason: string;
}

/** What a model format parser returns: the models, and the problems that belong to no model. */
export interface ParsedModels {
  readonly models: readonly ImportedModel[];
  readonly notes: readonly ImportNote[];
}

/** `Owner`, `primary key`, `Partition-by` to owner, primary_key, partition_by. */
export function snakeCase(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
