import { didYouMean } from '../diagnostics';
import type { SpecDocument } from '../spec/read';
import type { ConditionSpec, ModelSpec } from '../spec/types';
import type { DiagnosticSink } from './diagnostic-sink';
import type { Condition, Dedupe, ModelColumn, SortKey, SqlFragment } from './nodes';
import { parseFragment } from './sql-fragments';

/**
 * The model-level row selections, in the order a SELECT applies them: `where` after the joins,
 * `having` after grouping, `dedupe` on the output rows. Each is declared, not written as a
 * clause, so it can be checked here and compiled the same way for every target.
 */
export interface RowSelectionContext {
  readonly sink: DiagnosticSink;
  readonly doc: SpecDocument;
  readonly spec: ModelSpec;
  readonly dialect: string;
  /** The columns the model's SELECT yields (scd2's history columns are added after it, so not these). */
  readonly columns: readonly ModelColumn[];
  /** Checks a fragment's column names against every input, as transforms are checked. */
  readonly checkInputRefs: (fragment: SqlFragment) => void;
}

/** `where`: a row-level predicate after the joins that may read every input. */
export function buildWhere(context: RowSelectionContext): Condition | undefined {
  const { sink, doc, spec } = context;
  if (!spec.where) return undefined;
  if (spec.load?.strategy === 'incremental') {
    // An incremental load deletes the rows of its window that the first input's filter now rejects;
    // a condition over joined rows cannot be traced back to one input row, so its rejections would stay.
    sink.error(
      'MODEL007',
      doc,
      '/where',
      'An incremental model cannot have a where: rows it starts rejecting could not be removed from rows already loaded.',
      `Move the condition into the first input's filter (sources[0].filter), which incremental loads apply and undo, or use strategy: table.`,
    );
  }
  const built = buildCondition(context, '/where', spec.where, 'where');
  if (built) context.checkInputRefs(built.condition);
  return built;
}

/** `having`: a predicate over each group's output row; it names output columns, never inputs. */
export function buildHaving(context: RowSelectionContext): Condition | undefined {
  const { sink, doc, spec, columns } = context;
  if (!spec.having) return undefined;
  if (!spec.group_by?.length) {
    sink.error(
      'MODEL007',
      doc,
      '/having',
      'having filters groups, but the model has no group_by.',
      'Add group_by, or use where: to filter rows without grouping.',
    );
  }
  const built = buildCondition(context, '/having', spec.having, 'having');
  if (!built) return undefined;
  const names = declaredNames(spec);
  for (const ref of built.condition.parsed.columns) {
    if (ref.table !== undefined) {
      sink.error(
        'REF002',
        doc,
        '/having/condition',
        `"${ref.table}.${ref.name}" names an input; having reads the output columns of each group.`,
        `Name an output column without an alias, e.g. ${columns.find((c) => c.aggregate)?.name ?? [...names][0] ?? 'total'}; aggregate the input column into a column first.`,
      );
    } else if (!names.has(ref.name)) {
      sink.error(
        'REF006',
        doc,
        '/having/condition',
        `The having condition names "${ref.name}", which is not an output column of this model.`,
        `${didYouMean(ref.name, names)}Use one of: ${[...names].join(', ')}.`,
      );
    }
  }
  return built;
}

/** `dedupe`: one row per key, the first in order_by order, ties broken by the other columns. */
export function buildDedupe(context: RowSelectionContext): Dedupe | undefined {
  const { sink, doc, spec, columns } = context;
  const dedupe = spec.dedupe;
  if (!dedupe) return undefined;
  if (spec.group_by?.length) {
    sink.error(
      'MODEL007',
      doc,
      '/dedupe',
      'dedupe keeps one row per key, but the model already groups (group_by gives one row per group).',
      'Remove dedupe, or dedupe in a model upstream of the aggregation.',
    );
  }
  if (spec.load?.strategy === 'incremental') {
    // A load sees only the new rows: it would keep the best new row even when a row loaded earlier ranks first.
    sink.error(
      'MODEL007',
      doc,
      '/dedupe',
      'An incremental model cannot dedupe: each load ranks only its new rows, not the rows already loaded.',
      'Use strategy: table (or scd2, whose snapshot is ranked whole), or dedupe in a table model downstream.',
    );
  }
  const names = declaredNames(spec);
  const known = (pointer: string, name: string, role: string) => {
    if (names.has(name)) return true;
    sink.error(
      'REF006',
      doc,
      pointer,
      `The ${role} "${name}" is not an output column of this model.`,
      `${didYouMean(name, names)}Use one of: ${[...names].join(', ')}.`,
    );
    return false;
  };
  dedupe.key.forEach((name, i) => known(`/dedupe/key/${i}`, name, 'dedupe key column'));
  const seen = new Set<string>();
  const orderBy = dedupe.order_by.flatMap((entry, i): SortKey[] => {
    const pointer = `/dedupe/order_by/${i}/column`;
    if (!known(pointer, entry.column, 'dedupe order_by column')) return [];
    if (dedupe.key.includes(entry.column) || seen.has(entry.column)) {
      sink.error(
        'MODEL007',
        doc,
        pointer,
        `"${entry.column}" ${seen.has(entry.column) ? 'is ranked twice' : 'is part of the dedupe key, so it is equal within a key'} and orders nothing.`,
        'Order by columns that differ between the rows of one key, e.g. an updated_at column, descending.',
      );
      return [];
    }
    seen.add(entry.column);
    const column = columns.find((candidate) => candidate.name === entry.column);
    if (column && !isOrderable(column)) {
      sink.error(
        'MODEL007',
        doc,
        pointer,
        `"${entry.column}" is ${column.type.name}, which cannot be ordered.`,
        'Order by a column of a comparable type (a number, string, date or time), or compute one in a column.',
      );
      return [];
    }
    const direction = entry.direction ?? 'asc';
    // BigQuery's default: NULLs first ascending, last descending. DuckDB and PostgreSQL default otherwise, so it is always written.
    return [{ column: entry.column, direction, nulls: entry.nulls ?? (direction === 'asc' ? 'first' : 'last') }];
  });
  warnWithoutRationale(context, '/dedupe', dedupe.rationale, 'The dedupe has no rationale.');
  const ranked = new Set([...dedupe.key, ...orderBy.map((key) => key.column)]);
  const tieBreak = columns
    .filter((column) => !ranked.has(column.name) && isOrderable(column))
    .map((column): SortKey => ({ column: column.name, direction: 'asc', nulls: 'first' }));
  return Object.freeze({
    key: dedupe.key,
    orderBy,
    tieBreak,
    rationale: dedupe.rationale,
    location: doc.positions.locate('/dedupe'),
    pointer: '/dedupe',
  });
}

/** JSON values have no order in BigQuery (nor PostgreSQL's json); every other logical type has one. */
function isOrderable(column: ModelColumn): boolean {
  return column.type.name !== 'JSON';
}

function buildCondition(
  context: RowSelectionContext,
  pointer: '/where' | '/having',
  written: ConditionSpec,
  kind: 'where' | 'having',
): Condition | undefined {
  const { sink, doc, dialect } = context;
  warnWithoutRationale(context, pointer, written.rationale, `The ${kind} condition has no rationale.`);
  const condition = parseFragment(sink, doc, `${pointer}/condition`, written.condition, dialect, kind);
  if (!condition) return undefined;
  return Object.freeze({ condition, rationale: written.rationale, location: doc.positions.locate(pointer), pointer });
}

function warnWithoutRationale({ sink, doc }: RowSelectionContext, pointer: string, rationale: string | undefined, message: string) {
  if (rationale === undefined)
    sink.warning('RULE001', doc, pointer, message, 'Add rationale: why these rows are dropped, for reviewers and agents.');
}

/** The columns the spec declares: what the SELECT yields, before scd2 adds its history columns. */
function declaredNames(spec: ModelSpec): ReadonlySet<string> {
  return new Set(spec.columns.map((column) => column.name));
}
