import { formatDataType, sameDataType, type Column, type ColumnTest, type Dataset, type ModelColumn, type ModelTest } from '../catalog';
import { whenChanged, type Finding } from './impact-report';
import { describeTest } from './comparable';

/** A column as the two revisions hold it: removed (no head), added (no base) or both. */
export interface ColumnPair {
  readonly name: string;
  readonly base?: Column | ModelColumn;
  readonly head?: Column | ModelColumn;
  /** The base column's new name, when the pair is a rename. */
  readonly renamedTo?: string;
}

/**
 * The columns of a dataset present in either revision, paired by name, with a rename paired
 * up: a column removed and one added that computes the same expression (a model) or sits at
 * the same place with the same type (a source). A column the head's spec still declares but
 * could not resolve (it reads a column that is gone) is left out: it did not change, and the
 * head's errors say why it no longer resolves.
 */
export function pairColumns(base: Dataset, head: Dataset, declaredAtHead: ReadonlySet<string>): ColumnPair[] {
  const headByName = new Map(head.columns.map((column) => [column.name, column]));
  const baseByName = new Map(base.columns.map((column) => [column.name, column]));
  const removed = base.columns.filter((column) => !headByName.has(column.name) && !declaredAtHead.has(column.name));
  const added = head.columns.filter((column) => !baseByName.has(column.name));
  const renames = new Map<string, string>();
  for (const gone of removed) {
    const twin = added.find(
      (candidate) =>
        ![...renames.values()].includes(candidate.name) &&
        sameDataType(candidate.type, gone.type) &&
        (expressionOf(gone) !== undefined
          ? expressionOf(gone) === expressionOf(candidate)
          : (base.columns as readonly Column[]).indexOf(gone) === (head.columns as readonly Column[]).indexOf(candidate)),
    );
    if (twin) renames.set(gone.name, twin.name);
  }
  const renamedNames = new Set(renames.values());
  return [
    ...base.columns
      .filter((column) => headByName.has(column.name) || removed.includes(column))
      .map((column) => ({
        name: column.name,
        base: column,
        head: headByName.get(column.name),
        ...(renames.has(column.name) ? { renamedTo: renames.get(column.name) } : {}),
      })),
    ...added.filter((column) => !renamedNames.has(column.name)).map((column) => ({ name: column.name, head: column })),
  ];
}

/** What changed about one column, each finding in its category. */
export function columnFindings(pair: ColumnPair): Finding[] {
  const { base, head } = pair;
  if (!base) return [{ category: 'non-breaking', change: 'column added', after: formatDataType(head!.type) }];
  if (!head)
    return pair.renamedTo
      ? [{ category: 'breaking', change: 'column renamed', before: pair.name, after: pair.renamedTo }]
      : [{ category: 'breaking', change: 'column removed', before: formatDataType(base.type) }];
  const findings: Finding[] = [];
  if (!sameDataType(base.type, head.type))
    findings.push({ category: 'breaking', change: 'type changed', before: formatDataType(base.type), after: formatDataType(head.type) });
  if (base.nullable && !head.nullable)
    findings.push({ category: 'breaking', change: 'nullability tightened', before: 'nullable', after: 'not nullable' });
  if (!base.nullable && head.nullable)
    findings.push({ category: 'data-changing', change: 'nullability loosened', before: 'not nullable', after: 'nullable' });
  if (expressionOf(base) !== expressionOf(head))
    findings.push({ category: 'data-changing', change: 'transform changed', before: expressionOf(base), after: expressionOf(head) });
  if (aggregateOf(base) !== aggregateOf(head))
    findings.push({ category: 'data-changing', change: 'aggregation changed', before: aggregateOf(base), after: aggregateOf(head) });
  findings.push(...testFindings(base.tests, head.tests));
  if (base.pii !== head.pii)
    findings.push({ category: 'non-breaking', change: 'PII flag changed', before: String(base.pii), after: String(head.pii) });
  findings.push(...whenChanged('documentation', 'description changed', base.description, head.description));
  findings.push(...whenChanged('documentation', 'glossary term changed', base.glossary, head.glossary));
  return findings;
}

/** Tests added or removed, compared by what they check (not where they are written). */
export function testFindings(base: readonly (ColumnTest | ModelTest)[], head: readonly (ColumnTest | ModelTest)[]): Finding[] {
  const before = base.map(describeTest);
  const after = head.map(describeTest);
  return [
    ...after
      .filter((test) => !before.includes(test))
      .map((test): Finding => ({ category: 'non-breaking', change: 'test added', after: test })),
    ...before
      .filter((test) => !after.includes(test))
      .map((test): Finding => ({ category: 'non-breaking', change: 'test removed', before: test })),
  ];
}

function expressionOf(column: Column | ModelColumn): string | undefined {
  return 'expression' in column ? column.expression.text : undefined;
}

function aggregateOf(column: Column | ModelColumn): string | undefined {
  return 'aggregate' in column ? column.aggregate : undefined;
}
