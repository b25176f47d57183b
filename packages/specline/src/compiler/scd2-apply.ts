import type { Model } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';

/**
 * Applies one snapshot (the model's SELECT, already in `snapshot`) to an scd2 table:
 * 1. a current row whose tracked columns changed is closed;
 * 2. with on_delete: close, a current row whose key left the snapshot is closed;
 * 3. every snapshot row without a current row (new keys and the rows closed in 1) opens.
 * Steps 1 and 2 are plain UPDATEs (every dialect has them) or, with style 'merge', one MERGE
 * (Delta Lake has no UPDATE … FROM). Step 3 stays an INSERT: one MERGE cannot both close and
 * reopen the same key.
 */
export function compileScd2Apply(
  model: Model,
  dialect: SqlDialect,
  target: string,
  snapshot: string,
  style: 'update' | 'merge' = 'update',
): string[] {
  if (model.load.strategy !== 'scd2') throw new Error(`compiler: ${model.name} is not an scd2 model`);
  const load = model.load;
  const q = (name: string) => quoteIdentifier(name, dialect);
  const keyMatch = (left: string, right: string) => load.naturalKey.map((key) => `${left}.${q(key)} = ${right}.${q(key)}`).join(' AND ');
  const changed = load.trackedColumns.map((column) => `t.${q(column)} IS DISTINCT FROM s.${q(column)}`).join('\n    OR ');
  const changedAt = load.updatedAt ? `s.${q(load.updatedAt)}` : 'CURRENT_TIMESTAMP';
  // A snapshot row no newer than the current version is late data: closing on it would make
  // valid_to < valid_from, so it neither closes nor (the key keeps its current row) opens.
  const newer = load.updatedAt ? `\n  AND s.${q(load.updatedAt)} > t.${q(load.validFrom)}` : '';
  const openedAt = load.updatedAt ? `s.${q(load.updatedAt)}` : 'CURRENT_TIMESTAMP';
  const columns = model.columns.map((column) => q(column.name));
  const statements =
    style === 'merge'
      ? [closeByMerge()]
      : [
          [
            `UPDATE ${target} AS t`,
            `SET ${q(load.validTo)} = ${changedAt}, ${q(load.isCurrent)} = FALSE`,
            `FROM ${snapshot} AS s`,
            `WHERE t.${q(load.isCurrent)}`,
            `  AND ${keyMatch('t', 's')}`,
            `  AND (${changed})${newer}`,
          ].join('\n'),
        ];
  if (load.onDelete === 'close' && style === 'update') {
    statements.push(
      [
        `UPDATE ${target} AS t`,
        `SET ${q(load.validTo)} = CURRENT_TIMESTAMP, ${q(load.isCurrent)} = FALSE`,
        `WHERE t.${q(load.isCurrent)}`,
        `  AND NOT EXISTS (SELECT 1 FROM ${snapshot} AS s WHERE ${keyMatch('s', 't')})`,
      ].join('\n'),
    );
  }
  statements.push(
    [
      `INSERT INTO ${target} (${[...columns, q(load.validFrom), q(load.validTo), q(load.isCurrent)].join(', ')})`,
      `SELECT ${columns.map((column) => `s.${column}`).join(', ')}, ${openedAt}, NULL, TRUE`,
      `FROM ${snapshot} AS s`,
      `WHERE NOT EXISTS (SELECT 1 FROM ${target} AS t WHERE t.${q(load.isCurrent)} AND ${keyMatch('t', 's')})`,
    ].join('\n'),
  );
  return statements;

  function closeByMerge(): string {
    const close = `UPDATE SET ${q(load.validTo)} = ${changedAt}, ${q(load.isCurrent)} = FALSE`;
    return [
      `MERGE INTO ${target} AS t`,
      `USING ${snapshot} AS s`,
      `ON ${keyMatch('t', 's')} AND t.${q(load.isCurrent)}`,
      `WHEN MATCHED AND (${changed})${newer.replace('\n  AND', ' AND')} THEN ${close}`,
      ...(load.onDelete === 'close'
        ? [
            `WHEN NOT MATCHED BY SOURCE AND t.${q(load.isCurrent)} THEN UPDATE SET ${q(load.validTo)} = CURRENT_TIMESTAMP, ${q(load.isCurrent)} = FALSE`,
          ]
        : []),
    ].join('\n');
  }
}
