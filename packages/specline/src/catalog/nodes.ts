import type { SourceLocation } from '../diagnostics';
import type { ParsedExpression } from '../sql';
import type { Aggregate, JoinType, NullsPlacement, SortDirection, Target } from '../spec/types';
import type { DataType } from './data-type';
import type { DatasetGraph } from './dataset-graph';

/**
 * The resolved model: every spec, normalised, with defaults applied and references
 * resolved. It is built once per process by ./build-catalog and read, never re-parsed, by
 * every emitter, exporter and test generator. All nodes are readonly and frozen.
 */
export interface Located {
  readonly location: SourceLocation;
  /** RFC 6901 pointer inside the node's spec file. */
  readonly pointer: string;
}

/** A SQL fragment from a spec, parsed once in the constitution's dialect. */
export interface SqlFragment extends Located {
  /** The text as it will be compiled, with {from} already substituted. */
  readonly text: string;
  readonly parsed: ParsedExpression;
}

export type ColumnTest = Located &
  (
    | { readonly kind: 'not_null' }
    | { readonly kind: 'unique' }
    | { readonly kind: 'accepted_values'; readonly values: readonly (string | number | boolean)[] }
    | { readonly kind: 'relationships'; readonly to: string; readonly field: string }
    | { readonly kind: 'expression'; readonly expression: SqlFragment }
  );

export interface Column extends Located {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  readonly description?: string;
  /** Whether the column holds personal data; undefined when the spec does not say. */
  readonly pii?: boolean;
  readonly glossary?: string;
  readonly tests: readonly ColumnTest[];
}

/** A model column's `from`: `alias.column`, as the spec writes it. */
export interface ColumnReference {
  readonly alias: string;
  readonly column: string;
}

/** A column of a dataset's table as DDL, contracts and input tables need it: name, type, nullability. */
export interface OutputColumn {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

export interface ModelColumn extends Column {
  readonly from?: ColumnReference;
  /** The transform as written, before {from} is substituted (for review documents). */
  readonly transform?: string;
  /** The expression computing the column before any aggregate, in the authoring dialect. */
  readonly expression: SqlFragment;
  readonly aggregate?: Aggregate;
}

export interface Freshness {
  readonly loadedAt: string;
  readonly warnAfter?: string;
  readonly errorAfter?: string;
}

export interface SourceTable extends Located {
  readonly kind: 'source';
  /** The dataset name: <system>_<table>. */
  readonly name: string;
  readonly file: string;
  readonly system: string;
  /** The table's name in its system. */
  readonly table: string;
  readonly connector?: string;
  readonly schema: string;
  readonly description?: string;
  readonly owner?: string;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
  readonly load: { readonly strategy: 'full' | 'incremental'; readonly cursor?: string };
  readonly freshness?: Freshness;
  /** Workspace-relative path of the seed CSV. */
  readonly seed?: string;
}

export interface ModelInput extends Located {
  readonly alias: string;
  /** The name of the source or model read. */
  readonly ref: string;
  readonly filter?: SqlFragment;
  readonly rationale?: string;
}

export interface Join extends Located {
  readonly type: JoinType;
  readonly alias: string;
  readonly on?: SqlFragment;
  readonly rationale?: string;
}

/** A model-level predicate (`where`, `having`) with the reason it exists. */
export interface Condition extends Located {
  readonly condition: SqlFragment;
  readonly rationale?: string;
}

/** One output column ranking the rows of a dedupe key; `nulls` is always resolved (BigQuery's default when not written). */
export interface SortKey {
  readonly column: string;
  readonly direction: SortDirection;
  readonly nulls: NullsPlacement;
}

/**
 * "Latest row per key": of the output rows sharing `key`, the first in `orderBy` order is kept;
 * ties are broken by `tieBreak` (the other orderable output columns, ascending, NULLs first),
 * so the kept row does not depend on the engine's scan order.
 */
export interface Dedupe extends Located {
  readonly key: readonly string[];
  readonly orderBy: readonly SortKey[];
  readonly tieBreak: readonly SortKey[];
  readonly rationale?: string;
}

export type LoadStrategy =
  | { readonly strategy: 'table' }
  | { readonly strategy: 'view' }
  | { readonly strategy: 'incremental'; readonly uniqueKey: readonly string[]; readonly cursor?: string }
  | {
      readonly strategy: 'scd2';
      readonly naturalKey: readonly string[];
      readonly trackedColumns: readonly string[];
      readonly updatedAt?: string;
      readonly validFrom: string;
      readonly validTo: string;
      readonly isCurrent: string;
      readonly onDelete: 'ignore' | 'close';
    };

export interface Orchestration {
  readonly schedule: string;
  readonly retries: number;
  readonly retryDelay?: string;
  readonly sla?: string;
}

export type ModelTest = Located &
  (
    | { readonly kind: 'row_count'; readonly min?: number; readonly max?: number }
    | { readonly kind: 'expression'; readonly expression: SqlFragment }
    | { readonly kind: 'unique_combination'; readonly columns: readonly string[] }
  );

export interface UnitTest extends Located {
  readonly name: string;
  readonly description?: string;
  /** Rows per input alias, as written. Columns left out are NULL. */
  readonly given: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly expect: readonly Readonly<Record<string, unknown>>[];
  readonly ordered: boolean;
}

export interface Model extends Located {
  readonly kind: 'model';
  readonly name: string;
  readonly file: string;
  readonly layer: string;
  readonly schema: string;
  readonly description?: string;
  readonly owner?: string;
  readonly tags: readonly string[];
  /** The first input is the FROM; the rest are joined in the order of `joins`. */
  readonly inputs: readonly ModelInput[];
  readonly joins: readonly Join[];
  readonly columns: readonly ModelColumn[];
  /**
   * The columns its table holds: the declared columns, then the history columns scd2 adds
   * (valid from, valid to, is current) under the names its load gives them. Read these;
   * deriving the scd2 names again elsewhere is how lineage once missed them.
   */
  readonly outputColumns: readonly OutputColumn[];
  /** Applied after the joins, before grouping: a row-level predicate that may read every input. */
  readonly where?: Condition;
  readonly groupBy: readonly string[];
  /** Applied to each group's output row after aggregation: a predicate over output column names. */
  readonly having?: Condition;
  /** Applied last, to the output rows: one row per key. */
  readonly dedupe?: Dedupe;
  readonly load: LoadStrategy;
  readonly primaryKey: readonly string[];
  readonly partitionBy?: { readonly column: string; readonly granularity: 'hour' | 'day' | 'month' | 'year' };
  readonly clusterBy: readonly string[];
  readonly orchestration: Orchestration;
  readonly targets: readonly Target[];
  readonly warehouse: string;
  readonly tests: readonly ModelTest[];
  readonly unitTests: readonly UnitTest[];
}

export type Dataset = SourceTable | Model;

export interface GlossaryTerm extends Located {
  readonly name: string;
  readonly title?: string;
  readonly definition: string;
  readonly synonyms: readonly string[];
  readonly owner?: string;
  readonly related: readonly string[];
  readonly file: string;
}

export interface Workflow extends Located {
  readonly name: string;
  readonly file: string;
  readonly description?: string;
  readonly appliesTo: {
    readonly kinds: readonly ('source' | 'model')[];
    readonly layers: readonly string[];
    readonly loadStrategies: readonly string[];
  };
  readonly steps: readonly { readonly name: string; readonly instructions: string }[];
  readonly acceptance: readonly string[];
}

export interface Layer {
  readonly name: string;
  readonly pattern: string;
  readonly schema: string;
  readonly description?: string;
}

export interface Constitution extends Located {
  readonly name: string;
  readonly file: string;
  readonly description?: string;
  readonly owner?: string;
  readonly dialect: string;
  readonly warehouse: string;
  readonly targets: readonly Target[];
  readonly sqlDialects: readonly string[];
  readonly schedule: string;
  readonly sourceSchema: string;
  readonly layers: readonly Layer[];
  readonly requiredFields: readonly ('owner' | 'description' | 'column_description')[];
  readonly primaryKeyTests: boolean;
  readonly pii: {
    readonly detect: readonly string[];
    readonly allowedLayers?: readonly string[];
    readonly maskingFunctions: readonly string[];
  };
  readonly stagingCleanups: readonly { readonly columns?: string; readonly types: readonly string[]; readonly transform: string }[];
}

export interface Catalog {
  readonly constitution: Constitution;
  /** Sorted by name. */
  readonly sources: readonly SourceTable[];
  /** In dependency order (inputs before the models that read them), ties broken by name. */
  readonly models: readonly Model[];
  readonly glossary: readonly GlossaryTerm[];
  readonly workflows: readonly Workflow[];
  readonly datasets: ReadonlyMap<string, Dataset>;
  /** The table-level lineage (input -> model), built once with the catalog. */
  readonly graph: DatasetGraph;
}

export function isModel(dataset: Dataset | undefined): dataset is Model {
  return dataset?.kind === 'model';
}

/** The columns a dataset's table holds: a source's declared ones, a model's output columns (scd2's included). */
export function tableColumnsOf(dataset: Dataset): readonly OutputColumn[] {
  return dataset.kind === 'model' ? dataset.outputColumns : dataset.columns;
}

/** Whether a dataset's table has this column: a declared one, or one scd2 adds to a model. */
export function hasOutputColumn(dataset: Dataset, name: string): boolean {
  return tableColumnsOf(dataset).some((column) => column.name === name);
}

/** The datasets a model reads: the edges of the lineage graph. */
export function inputNames(model: Model): string[] {
  return [...new Set(model.inputs.map((input) => input.ref))].sort();
}

/**
 * Datasets a dataset's tests look up (relationships tests). They are not lineage edges:
 * a dimension may check a key against a fact that reads the dimension.
 */
export function testedAgainstNames(dataset: Dataset): string[] {
  const names = new Set<string>();
  for (const column of dataset.columns) for (const test of column.tests) if (test.kind === 'relationships') names.add(test.to);
  names.delete(dataset.name);
  return [...names].sort();
}
