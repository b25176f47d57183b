/** Rows compared as canonical text per column (see canonical-rows); null is SQL NULL. */
export type CanonicalRow = Readonly<Record<string, string | null>>;

export interface RowDiff {
  readonly missing: readonly CanonicalRow[];
  readonly unexpected: readonly CanonicalRow[];
  readonly changed: readonly {
    readonly key: string;
    readonly columns: readonly { readonly column: string; readonly expected: string | null; readonly actual: string | null }[];
  }[];
}

/**
 * Compares expected and actual rows as multisets (or position by position when `ordered`).
 * Rows left over on both sides that share a key are reported as changed, column by column,
 * so a wrong transform names its column instead of showing two unrelated rows.
 */
export function diffRows(
  expected: readonly CanonicalRow[],
  actual: readonly CanonicalRow[],
  keyColumns: readonly string[],
  ordered: boolean,
): RowDiff {
  if (ordered) return diffOrdered(expected, actual);
  const remaining = [...actual];
  const missing: CanonicalRow[] = [];
  for (const row of expected) {
    const index = remaining.findIndex((candidate) => sameRow(row, candidate));
    if (index >= 0) remaining.splice(index, 1);
    else missing.push(row);
  }
  const changed: RowDiff['changed'][number][] = [];
  const stillMissing: CanonicalRow[] = [];
  for (const row of missing) {
    const index = keyColumns.length ? remaining.findIndex((candidate) => keyColumns.every((key) => candidate[key] === row[key])) : -1;
    if (index < 0) {
      stillMissing.push(row);
      continue;
    }
    changed.push({ key: keyText(row, keyColumns), columns: changedColumns(row, remaining[index]) });
    remaining.splice(index, 1);
  }
  return { missing: stillMissing, unexpected: remaining, changed };
}

function diffOrdered(expected: readonly CanonicalRow[], actual: readonly CanonicalRow[]): RowDiff {
  const changed: RowDiff['changed'][number][] = [];
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    if (!sameRow(expected[i], actual[i])) changed.push({ key: `row ${i + 1}`, columns: changedColumns(expected[i], actual[i]) });
  }
  return { missing: expected.slice(actual.length), unexpected: actual.slice(expected.length), changed };
}

export function isEmptyDiff(diff: RowDiff): boolean {
  return diff.missing.length === 0 && diff.unexpected.length === 0 && diff.changed.length === 0;
}

export function formatDiff(diff: RowDiff): string {
  const lines: string[] = [];
  for (const row of diff.missing) lines.push(`  - missing row:    ${flowRow(row)}`);
  for (const row of diff.unexpected) lines.push(`  + unexpected row: ${flowRow(row)}`);
  for (const change of diff.changed) {
    lines.push(`  ~ changed row ${change.key}:`);
    for (const column of change.columns)
      lines.push(`      ${column.column}: expected ${show(column.expected)}, got ${show(column.actual)}`);
  }
  return lines.join('\n');
}

function sameRow(a: CanonicalRow, b: CanonicalRow): boolean {
  return Object.keys(a).every((column) => a[column] === b[column]);
}

function changedColumns(expected: CanonicalRow, actual: CanonicalRow) {
  return Object.keys(expected)
    .filter((column) => expected[column] !== actual[column])
    .map((column) => ({ column, expected: expected[column], actual: actual[column] }));
}

function keyText(row: CanonicalRow, keyColumns: readonly string[]): string {
  return keyColumns.map((key) => `${key}=${show(row[key])}`).join(', ');
}

export function flowRow(row: CanonicalRow): string {
  return `{ ${Object.entries(row)
    .map(([column, value]) => `${column}: ${show(value)}`)
    .join(', ')} }`;
}

function show(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}
