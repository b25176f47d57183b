import type { Model } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';

/**
 * Applies one snapshot (the model's SELECT, already in `snapshot`) to an scd2 table:
 * 1. a current row whose tracked columns changed, in a newer snapshot row, is closed;
 * 2. with on_delete: close, a current row whose key left the snapshot is closed;
 * 3. a current row still current is refreshed from its snapshot row: untracked columns (a
 *    type-1 change), and tracked ones whose change carries the same updated_at as the
 *    version (a correction of that version: two versions cannot start at one instant);
 * 4. every snapshot row without a current row (new keys and the rows closed in 1) opens.
 *
 * One clock per model: with updated_at, every stamp is data time, a deletion too (the
 * latest updated_at of the snapshot that no longer holds the key; while the snapshot gives
 * no later time, the key stays open), and a key that re-appears opens no earlier than its
 * previous version closed, so versions never overlap. Without updated_at every stamp is
 * the wall clock. A snapshot row older than the current version is late data: ignored.
 *
 * Steps 1 to 3 are plain UPDATEs (every dialect has them) or, with style 'merge', one MERGE
 * (Delta Lake has no UPDATE … FROM). Step 4 stays an INSERT: one MERGE cannot both close and
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
  const distinct = (columns: readonly string[]) =>
    columns.map((column) => `t.${q(column)} IS DISTINCT FROM s.${q(column)}`).join('\n    OR ');
  const changed = distinct(load.trackedColumns);
  const refreshed = model.columns.map((column) => column.name).filter((name) => !load.naturalKey.includes(name));
  const [from, to, current] = [q(load.validFrom), q(load.validTo), q(load.isCurrent)];
  const updatedAt = load.updatedAt ? `s.${q(load.updatedAt)}` : undefined;
  const changedAt = updatedAt ?? 'CURRENT_TIMESTAMP';
  // Late data (older than the current version) neither closes nor refreshes it.
  const newer = updatedAt ? [`${updatedAt} > t.${from}`] : [];
  const notOlder = updatedAt ? [`${updatedAt} >= t.${from}`] : [];
  // The snapshot's data time dates a deletion; it must be after the version it closes.
  const deletedAt = updatedAt ? `(SELECT MAX(d.${q(load.updatedAt!)}) FROM ${snapshot} AS d)` : 'CURRENT_TIMESTAMP';
  const datable = updatedAt ? [`${deletedAt} > t.${from}`] : [];
  const columns = model.columns.map((column) => q(column.name));
  const statements: string[] = [];
  if (style === 'merge') statements.push(closeAndRefreshByMerge());
  else {
    statements.push(
      [
        `UPDATE ${target} AS t`,
        `SET ${to} = ${changedAt}, ${current} = FALSE`,
        `FROM ${snapshot} AS s`,
        `WHERE t.${current}`,
        `  AND ${keyMatch('t', 's')}`,
        `  AND (${changed})`,
        ...newer.map((condition) => `  AND ${condition}`),
      ].join('\n'),
    );
    if (load.onDelete === 'close')
      statements.push(
        [
          `UPDATE ${target} AS t`,
          `SET ${to} = ${deletedAt}, ${current} = FALSE`,
          `WHERE t.${current}`,
          `  AND NOT EXISTS (SELECT 1 FROM ${snapshot} AS s WHERE ${keyMatch('s', 't')})`,
          ...datable.map((condition) => `  AND ${condition}`),
        ].join('\n'),
      );
    if (refreshed.length)
      statements.push(
        [
          `UPDATE ${target} AS t`,
          `SET ${refreshed.map((name) => `${q(name)} = s.${q(name)}`).join(', ')}`,
          `FROM ${snapshot} AS s`,
          `WHERE t.${current}`,
          `  AND ${keyMatch('t', 's')}`,
          `  AND (${distinct(refreshed)})`,
          ...notOlder.map((condition) => `  AND ${condition}`),
        ].join('\n'),
      );
  }
  // A key that re-appears opens when its previous version closed, if that is later than its data time.
  const openedAt = updatedAt
    ? `GREATEST(${updatedAt}, COALESCE((SELECT MAX(p.${to}) FROM ${target} AS p WHERE ${keyMatch('p', 's')}), ${updatedAt}))`
    : 'CURRENT_TIMESTAMP';
  statements.push(
    [
      `INSERT INTO ${target} (${[...columns, from, to, current].join(', ')})`,
      `SELECT ${columns.map((column) => `s.${column}`).join(', ')}, ${openedAt}, NULL, TRUE`,
      `FROM ${snapshot} AS s`,
      `WHERE NOT EXISTS (SELECT 1 FROM ${target} AS t WHERE t.${current} AND ${keyMatch('t', 's')})`,
    ].join('\n'),
  );
  return statements;

  // WHEN MATCHED clauses are tried in order: a newer change closes, anything else refreshes.
  function closeAndRefreshByMerge(): string {
    const and = (conditions: readonly string[]) => conditions.map((condition) => ` AND ${condition}`).join('');
    return [
      `MERGE INTO ${target} AS t`,
      `USING ${snapshot} AS s`,
      `ON ${keyMatch('t', 's')} AND t.${current}`,
      `WHEN MATCHED AND (${changed})${and(newer)} THEN UPDATE SET ${to} = ${changedAt}, ${current} = FALSE`,
      ...(refreshed.length
        ? [
            `WHEN MATCHED AND (${distinct(refreshed).replace(/\n {4}/g, ' ')})${and(notOlder)} THEN UPDATE SET ${refreshed.map((name) => `${q(name)} = s.${q(name)}`).join(', ')}`,
          ]
        : []),
      ...(load.onDelete === 'close'
        ? [`WHEN NOT MATCHED BY SOURCE AND t.${current}${and(datable)} THEN UPDATE SET ${to} = ${deletedAt}, ${current} = FALSE`]
        : []),
    ].join('\n');
  }
}
