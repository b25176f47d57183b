/**
 * The spec documents as authors write them, after the JSON Schema has accepted them.
 * These mirror packages/specline/schemas/*.schema.json; the resolved model in
 * ../catalog is what every later part reads.
 */
export type SpecKind = 'constitution' | 'source' | 'model' | 'glossary' | 'workflow';
export const SPEC_KINDS: readonly SpecKind[] = ['constitution', 'source', 'model', 'glossary', 'workflow'];

export type Target = 'dbt' | 'dataform' | 'pyspark' | 'sql' | 'airflow';
export const ALL_TARGETS: readonly Target[] = ['dbt', 'dataform', 'pyspark', 'sql', 'airflow'];

export type ColumnTestSpec =
  | 'not_null'
  | 'unique'
  | { readonly accepted_values: readonly (string | number | boolean)[] }
  | { readonly relationships: { readonly to: string; readonly field: string } }
  | { readonly expression: string };

export interface SourceColumnSpec {
  readonly name: string;
  readonly type: string;
  readonly nullable?: boolean;
  readonly description?: string;
  readonly pii?: boolean;
  readonly glossary?: string;
  readonly tests?: readonly ColumnTestSpec[];
}

export interface ConstitutionSpec {
  readonly kind: 'constitution';
  readonly name: string;
  readonly description?: string;
  readonly owner?: string;
  readonly dialect: string;
  readonly warehouse?: string;
  readonly targets?: readonly Target[];
  readonly sql_dialects?: readonly string[];
  readonly schedule?: string;
  readonly source_schema?: string;
  readonly layers: Readonly<Record<string, { readonly pattern: string; readonly schema?: string; readonly description?: string }>>;
  readonly rules?: {
    readonly required_fields?: readonly ('owner' | 'description' | 'column_description')[];
    readonly primary_key_tests?: boolean;
  };
  readonly pii?: {
    readonly detect?: readonly string[];
    readonly allowed_layers?: readonly string[];
    readonly masking_functions?: readonly string[];
  };
  readonly staging?: {
    readonly cleanups?: readonly { readonly columns?: string; readonly types?: readonly string[]; readonly transform: string }[];
  };
}

export interface SourceSpec {
  readonly kind: 'source';
  readonly name: string;
  readonly system: string;
  readonly connector?: string;
  readonly schema?: string;
  readonly description?: string;
  readonly owner?: string;
  readonly columns: readonly SourceColumnSpec[];
  readonly primary_key?: readonly string[];
  readonly load?: { readonly strategy: 'full' | 'incremental'; readonly cursor?: string };
  readonly freshness?: { readonly loaded_at: string; readonly warn_after?: string; readonly error_after?: string };
  readonly seed?: string;
}

export type Aggregate = 'sum' | 'count' | 'count_distinct' | 'min' | 'max' | 'avg' | 'any_value';
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';
export type LoadStrategyName = 'table' | 'view' | 'incremental' | 'scd2';

export interface ModelColumnSpec extends SourceColumnSpec {
  readonly from?: string;
  readonly transform?: string;
  readonly aggregate?: Aggregate;
}

export type ModelTestSpec =
  | { readonly row_count: { readonly min?: number; readonly max?: number } }
  | { readonly expression: string }
  | { readonly unique_combination: readonly string[] };

/** A predicate with the reason it exists: the model's `where` (after the joins) and `having` (after grouping). */
export interface ConditionSpec {
  readonly condition: string;
  readonly rationale?: string;
}

export type SortDirection = 'asc' | 'desc';
export type NullsPlacement = 'first' | 'last';

/** "Latest row per key": one row per `key`, the first in `order_by` order. */
export interface DedupeSpec {
  readonly key: readonly string[];
  readonly order_by: readonly { readonly column: string; readonly direction?: SortDirection; readonly nulls?: NullsPlacement }[];
  readonly rationale?: string;
}

export interface UnitTestSpec {
  readonly name: string;
  readonly description?: string;
  readonly given: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly expect: readonly Readonly<Record<string, unknown>>[];
  readonly ordered?: boolean;
}

export interface ModelSpec {
  readonly kind: 'model';
  readonly name: string;
  readonly layer: string;
  readonly schema?: string;
  readonly description?: string;
  readonly owner?: string;
  readonly tags?: readonly string[];
  readonly sources: readonly { readonly ref: string; readonly alias: string; readonly filter?: string; readonly rationale?: string }[];
  readonly joins?: readonly { readonly type: JoinType; readonly alias: string; readonly on?: string; readonly rationale?: string }[];
  readonly columns: readonly ModelColumnSpec[];
  readonly where?: ConditionSpec;
  readonly group_by?: readonly string[];
  readonly having?: ConditionSpec;
  readonly dedupe?: DedupeSpec;
  readonly load?: {
    readonly strategy: LoadStrategyName;
    readonly unique_key?: readonly string[];
    readonly cursor?: string;
    readonly natural_key?: readonly string[];
    readonly tracked_columns?: readonly string[];
    readonly updated_at?: string;
    readonly valid_from?: string;
    readonly valid_to?: string;
    readonly is_current?: string;
    readonly on_delete?: 'ignore' | 'close';
  };
  readonly constraints?: {
    readonly primary_key?: readonly string[];
    readonly partition_by?: { readonly column: string; readonly granularity?: 'hour' | 'day' | 'month' | 'year' };
    readonly cluster_by?: readonly string[];
  };
  readonly orchestration?: { readonly schedule?: string; readonly retries?: number; readonly retry_delay?: string; readonly sla?: string };
  readonly targets?: readonly Target[];
  readonly warehouse?: string;
  readonly tests?: readonly ModelTestSpec[];
  readonly unit_tests?: readonly UnitTestSpec[];
}

export interface GlossarySpec {
  readonly kind: 'glossary';
  readonly name: string;
  readonly description?: string;
  readonly owner?: string;
  readonly terms: readonly {
    readonly name: string;
    readonly title?: string;
    readonly definition: string;
    readonly synonyms?: readonly string[];
    readonly owner?: string;
    readonly related?: readonly string[];
  }[];
}

export interface WorkflowSpec {
  readonly kind: 'workflow';
  readonly name: string;
  readonly description?: string;
  readonly owner?: string;
  readonly applies_to?: {
    readonly kinds?: readonly ('source' | 'model')[];
    readonly layers?: readonly string[];
    readonly load_strategies?: readonly LoadStrategyName[];
  };
  readonly steps: readonly { readonly name: string; readonly instructions: string }[];
  readonly acceptance?: readonly ('validate' | 'codegen' | 'test' | 'conform')[];
}

export type AnySpec = ConstitutionSpec | SourceSpec | ModelSpec | GlossarySpec | WorkflowSpec;
