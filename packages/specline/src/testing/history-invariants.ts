import type { Catalog, Model } from '../catalog';
import { compileLoadStatements } from '../compiler';
import type { Row } from '../duckdb';
import { canonicalRows } from './canonical-rows';
import { scd2Checks } from './generic-checks';
import { inputStatements } from './input-tables';
import { loadStatements } from './model-implementation';
import { firstRow, type Invariant } from './invariant';
import { diffRows, formatDiff, isEmptyDiff } from './row-diff';
import type { TestEngine } from './test-engine';

/** Loads per case of the history invariants: enough for a key to change, leave, come back and stay. */
const LOADS = 5;

/**
 * scd2 over five successive loads (keys change, leave, come back; some loads repeat the
 * last one's timestamps, some run later), checked after every load: the history checks,
 * every snapshot row's current version holds its values (unless the row is older than that
 * version: late data), and with on_delete: close, a key the snapshot no longer holds has no
 * current row once the snapshot's data time is after its version.
 */
export function scd2HistoryInvariant(catalog: Catalog, model: Model, engine: TestEngine): Invariant {
  const q = engine.quote;
  return {
    name: `scd2: after each of ${LOADS} loads, the history checks hold and the current rows agree with the snapshot`,
    loads: LOADS,
    async check({ session, implementation }, snapshots) {
      if (model.load.strategy !== 'scd2') return undefined;
      const load = model.load;
      const target = engine.relationOf(catalog)(model.name);
      const expected = q(`${model.name}__expected`);
      const sameKey = load.naturalKey.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
      const sameValues = model.columns.map((column) => `t.${q(column.name)} IS NOT DISTINCT FROM s.${q(column.name)}`).join(' AND ');
      const late = load.updatedAt ? ` OR s.${q(load.updatedAt)} < t.${q(load.validFrom)}` : '';
      const dated = load.updatedAt ? ` AND (SELECT MAX(${q(load.updatedAt)}) FROM ${expected}) > t.${q(load.validFrom)}` : '';
      // What must hold after each load, in the order a violation is reported.
      const checks = [
        ...scd2Checks(load, target, engine.dialect).map((check) => ({ sql: check.sql, says: `${check.name} is violated by` })),
        {
          sql: `SELECT s.* FROM ${expected} AS s WHERE NOT EXISTS (SELECT 1 FROM ${target} AS t WHERE t.${q(load.isCurrent)} AND ${sameKey} AND (${sameValues}${late}))`,
          says: 'this snapshot row has no current version holding its values',
        },
        ...(load.onDelete === 'close'
          ? [
              {
                sql: `SELECT t.* FROM ${target} AS t WHERE t.${q(load.isCurrent)} AND NOT EXISTS (SELECT 1 FROM ${expected} AS s WHERE ${sameKey})${dated}`,
                says: 'a key the snapshot no longer holds is still current (on_delete: close)',
              },
            ]
          : []),
      ];
      // One round trip per load: load it and ask which checks fail; only a failing one is read for its evidence.
      const violated = `SELECT ${checks.map((check, index) => `EXISTS (${check.sql}) AS c${index}`).join(', ')}`;
      let setup = [`DROP TABLE IF EXISTS ${target}`];
      for (const [index, given] of snapshots.entries()) {
        setup.push(
          ...inputStatements(catalog, model, given, engine),
          ...engine.replaceTableAs(expected, implementation.select, true),
          ...loadStatements(model, implementation, target, engine),
        );
        const [flags] = await session.rows(violated, setup);
        setup = [];
        const failing = checks.findIndex((_, check) => flags[`c${check}`] === true);
        if (failing < 0) continue;
        const bad = await firstRow(session, checks[failing].sql, [], engine);
        return `after load ${index + 1}, ${checks[failing].says}: ${bad}`;
      }
      return undefined;
    },
  };
}

/**
 * An incremental model loaded five times from a source that grows and changes (each load's
 * rows replace the source's rows of the same key; a changed row's cursor never runs behind
 * what was loaded, and often equals it) holds, after every load, exactly the rows a full
 * rebuild from the source gives: nothing missed at an equal cursor, nothing a filter now
 * rejects left behind, nothing doubled by re-delivery.
 */
export function incrementalInvariant(catalog: Catalog, model: Model, engine: TestEngine): Invariant | undefined {
  if (model.load.strategy !== 'incremental' || !model.load.cursor) return undefined;
  const cursorName = model.load.cursor;
  const cursorColumn = model.columns.find((column) => column.name === cursorName);
  const first = model.inputs[0];
  const source = first && catalog.datasets.get(first.ref);
  // The source column behind the cursor; a computed cursor has no single column to advance.
  if (!cursorColumn?.from || cursorColumn.transform !== undefined || cursorColumn.from.alias !== first.alias || !source) return undefined;
  const sourceCursor = cursorColumn.from.column;
  const sourceKey = source.primaryKey;
  if (sourceKey.length === 0) return undefined;
  const relation = engine.relationOf(catalog);
  const compiled = compileLoadStatements(catalog, model, engine.dialect, relation);
  if (!compiled.ok) return undefined;
  const columns = model.columns.map(({ name, type }) => ({ name, type }));
  return {
    name: `incremental: after each of ${LOADS} loads of a changing source, the table equals a full rebuild`,
    loads: LOADS,
    async check({ session, implementation }, snapshots) {
      const target = relation(model.name);
      let state: Row[] = [];
      for (const [index, given] of snapshots.entries()) {
        state = advance(state, given[first.alias] ?? [], sourceKey, sourceCursor);
        // Only the first input is read incrementally; the others stay as the first load gave them.
        const load = [
          ...(index === 0 ? [`DROP TABLE IF EXISTS ${target}`] : []),
          ...inputStatements(catalog, model, { ...snapshots[0], [first.alias]: state }, engine),
          ...compiled.value,
        ];
        const diff = diffRows(
          await canonicalRows(session, implementation.select, columns, load, engine),
          await canonicalRows(session, `SELECT * FROM ${target}`, columns, [], engine),
          model.load.strategy === 'incremental' ? model.load.uniqueKey : model.primaryKey,
          false,
        );
        if (!isEmptyDiff(diff)) return `after load ${index + 1}, the table differs from a full rebuild (expected):\n${formatDiff(diff)}`;
      }
      return undefined;
    },
  };
}

/** The source after one more delivery: its rows replace those of the same key, their cursor raised to at least the latest seen. */
function advance(state: readonly Row[], delivered: readonly Row[], key: readonly string[], cursor: string): Row[] {
  const latest = state.reduce<string | undefined>((max, row) => {
    const value = row[cursor];
    return typeof value === 'string' && (max === undefined || value > max) ? value : max;
  }, undefined);
  const keyOf = (row: Row) => JSON.stringify(key.map((name) => row[name]));
  const next = new Map(state.map((row) => [keyOf(row), row]));
  for (const row of delivered) {
    const value = row[cursor];
    const raised = latest !== undefined && (typeof value !== 'string' || value < latest) ? latest : value;
    next.set(keyOf(row), { ...row, [cursor]: raised });
  }
  return [...next.values()];
}
