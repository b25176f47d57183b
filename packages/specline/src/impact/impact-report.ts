import type { Catalog } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import type { ColumnRef } from '../lineage';
import type { LoadedSpec } from '../spec/loaded-spec';

/**
 * What a change does to the catalog's consumers, most severe first: SQLMesh's breaking and
 * non-breaking categories and dbt's contract checks, judged per column from the spec.
 * - breaking: a consumer's query or contract fails (a column removed or renamed, a type
 *   changed, a key or grain changed, nullability tightened, a dataset removed);
 * - data-changing: the contract holds but values move (a transform, filter, join or aggregation);
 * - non-breaking: nothing a consumer reads changes (a column or test added);
 * - documentation: prose only.
 */
export const CHANGE_CATEGORIES = ['breaking', 'data-changing', 'non-breaking', 'documentation'] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];

/** One catalog as a revision holds it, as loadSpecsFolder returns it, named for the report. */
export interface CatalogRevision {
  /** The git ref, or "working tree". */
  readonly label: string;
  readonly catalog?: Catalog;
  readonly diagnostics: readonly Diagnostic[];
  readonly rejected: readonly string[];
  readonly specs: readonly LoadedSpec[];
}

/** One thing that changed about a column or dataset. */
export interface Finding {
  readonly category: ChangeCategory;
  /** What changed, e.g. "type changed", "column removed", "description changed". */
  readonly change: string;
  readonly before?: string;
  readonly after?: string;
}

/** A generated file (code or review document) that differs between the two catalogs. */
export interface GeneratedFileChange {
  /** The dataset whose project writes it, or "catalog" for the catalog-wide files. */
  readonly project: string;
  readonly kind: 'code' | 'document';
  /** As the emitter or exporter names it, below the project's output. */
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
}

/** The changes to one column (or to a dataset as a whole, `column` absent), with their reach. */
export interface ImpactEntry {
  /** `dataset.column`, `dataset`, `constitution` or `glossary:<term>`. */
  readonly subject: string;
  readonly dataset?: string;
  readonly column?: string;
  /** The most severe category among the findings. */
  readonly category: ChangeCategory;
  readonly findings: readonly Finding[];
  /** `file:line:column` in the head when the subject is still there, else in the base. */
  readonly location: string;
  /** Columns that read the subject, over every hop, at base or head (none for documentation). */
  readonly downstream: readonly ColumnRef[];
  /** Tests on the subject and on its downstream columns: what will tell whether it still holds. */
  readonly tests: readonly string[];
  /** Generated files of the subject's dataset and of its downstream datasets that change. */
  readonly generatedFiles: readonly GeneratedFileChange[];
}

export interface ImpactReport {
  readonly base: string;
  readonly head: string;
  /** Entries per category. */
  readonly counts: Readonly<Record<ChangeCategory, number>>;
  /** Most severe first, then in build order (sources, then models upstream first). */
  readonly entries: readonly ImpactEntry[];
  /** The head's errors: a change that breaks a consumer shows here as the consumer's error. */
  readonly headErrors: readonly { readonly location: string; readonly code: string; readonly message: string }[];
  /** Every generated file that changes, by project then path. */
  readonly generatedFiles: readonly GeneratedFileChange[];
  /** Projects whose files a revision cannot generate while it has errors there: their files are not compared. */
  readonly notGenerated: readonly string[];
}

export function mostSevere(findings: readonly Finding[]): ChangeCategory {
  return CHANGE_CATEGORIES.find((category) => findings.some((finding) => finding.category === category)) ?? 'documentation';
}

export function severityRank(category: ChangeCategory): number {
  return CHANGE_CATEGORIES.indexOf(category);
}

/** A finding when a value differs between the revisions, none when it does not. */
export function whenChanged(category: ChangeCategory, change: string, before: string | undefined, after: string | undefined): Finding[] {
  return before === after ? [] : [{ category, change, before, after }];
}
