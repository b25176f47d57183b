import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { loadSpecsFolder, type LoadedCatalog } from './index';

/**
 * How validate judges a model's where, having and dedupe: each misuse is its own code at the
 * field it concerns, and a valid one is resolved with its defaults (BigQuery's NULL order, the
 * tie-break over the other columns).
 */
const CONSTITUTION = 'kind: constitution\nname: checks\ndialect: bigquery\nlayers:\n  staging: { pattern: "^stg_[a-z0-9_]+$" }\n';
const SOURCE = `kind: source
name: events
system: app
columns:
  - { name: event_id, type: INT64 }
  - { name: user_id, type: INT64 }
  - { name: kind, type: STRING }
  - { name: payload, type: JSON }
  - { name: seen_at, type: TIMESTAMP }
`;
const COLUMNS = `columns:
  - { name: user_id, type: INT64, from: e.user_id }
  - { name: event_id, type: INT64, from: e.event_id }
  - { name: kind, type: STRING, from: e.kind }
  - { name: payload, type: JSON, from: e.payload }
  - { name: seen_at, type: TIMESTAMP, from: e.seen_at }
`;

async function load(extra: string, columns = COLUMNS): Promise<LoadedCatalog> {
  const root = mkdtempSync(path.join(tmpdir(), 'specline-row-selection-'));
  try {
    mkdirSync(path.join(root, 'specs', 'sources', 'app'), { recursive: true });
    mkdirSync(path.join(root, 'specs', 'models'), { recursive: true });
    writeFileSync(path.join(root, 'specs', 'constitution.yaml'), CONSTITUTION);
    writeFileSync(path.join(root, 'specs', 'sources', 'app', 'events.yaml'), SOURCE);
    writeFileSync(
      path.join(root, 'specs', 'models', 'stg_events.yaml'),
      `kind: model\nname: stg_events\nlayer: staging\nsources:\n  - { ref: app_events, alias: e }\n${columns}${extra}`,
    );
    return await loadSpecsFolder(root, 'specs');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const found = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`);

describe('where, having and dedupe checks', () => {
  it('resolve a valid dedupe with BigQuery NULL order and a tie-break over the other orderable columns', async () => {
    const { catalog, diagnostics } = await load(
      'dedupe:\n  key: [user_id]\n  order_by:\n    - { column: seen_at, direction: desc }\n    - { column: kind }\n  rationale: Latest event per user.\n',
    );
    expect(found(diagnostics)).toEqual([]);
    const dedupe = catalog!.models[0].dedupe!;
    expect(dedupe.orderBy).toEqual([
      { column: 'seen_at', direction: 'desc', nulls: 'last' },
      { column: 'kind', direction: 'asc', nulls: 'first' },
    ]);
    // payload is JSON, which has no order: it is left out of the tie-break.
    expect(dedupe.tieBreak).toEqual([{ column: 'event_id', direction: 'asc', nulls: 'first' }]);
  });

  it.each([
    [
      'where on an incremental model',
      "where:\n  condition: e.kind <> 'test'\n  rationale: x\nload: { strategy: incremental, unique_key: [event_id], cursor: seen_at }\n",
      'MODEL007 /where',
    ],
    [
      'an order_by column in the key',
      'dedupe:\n  key: [user_id]\n  order_by: [{ column: user_id }]\n  rationale: x\n',
      'MODEL007 /dedupe/order_by/0/column',
    ],
    [
      'an order_by column listed twice',
      'dedupe:\n  key: [user_id]\n  order_by: [{ column: seen_at }, { column: seen_at, direction: desc }]\n  rationale: x\n',
      'MODEL007 /dedupe/order_by/1/column',
    ],
    [
      'ordering by a JSON column',
      'dedupe:\n  key: [user_id]\n  order_by: [{ column: payload }]\n  rationale: x\n',
      'MODEL007 /dedupe/order_by/0/column',
    ],
    [
      'a dedupe key that is not a column',
      'dedupe:\n  key: [user]\n  order_by: [{ column: seen_at }]\n  rationale: x\n',
      'REF006 /dedupe/key/0',
    ],
    [
      'a window function in a where',
      'where:\n  condition: ROW_NUMBER() OVER (ORDER BY e.seen_at) = 1\n  rationale: x\n',
      'SQL006 /where/condition',
    ],
    ['a where naming an unknown alias', 'where:\n  condition: x.kind IS NULL\n  rationale: x\n', 'REF002 /where/condition'],
    ['a where comparing a string with a number', 'where:\n  condition: e.kind = 3\n  rationale: x\n', 'TYPE004 /where/condition'],
  ])('refuse %s', async (_name, extra, expected) => {
    const { diagnostics } = await load(extra);
    expect(found(diagnostics.filter((d) => d.severity === 'error'))).toEqual([`error ${expected}`]);
  });

  const grouped = `group_by: [user_id]
columns:
  - { name: user_id, type: INT64, from: e.user_id }
  - { name: events, type: INT64, from: e.event_id, aggregate: count }
`;
  it.each([
    ['an aggregate function in a having', 'having:\n  condition: COUNT(events) > 1\n  rationale: x\n', 'SQL006 /having/condition'],
    ['a having naming a column that is not an output', 'having:\n  condition: kind IS NULL\n  rationale: x\n', 'REF006 /having/condition'],
    ['dedupe with group_by', 'dedupe:\n  key: [user_id]\n  order_by: [{ column: events }]\n  rationale: x\n', 'MODEL007 /dedupe'],
    ['a having naming an input', 'having:\n  condition: e.kind IS NULL\n  rationale: x\n', 'REF002 /having/condition'],
  ])('refuse %s', async (_name, extra, expected) => {
    const { diagnostics } = await load(extra, grouped);
    expect(found(diagnostics.filter((d) => d.severity === 'error'))).toEqual([`error ${expected}`]);
  });

  it('accept a having over output columns, and warn (not fail) on each selection without a rationale', async () => {
    const { catalog, diagnostics } = await load(
      "where:\n  condition: e.kind <> 'test'\nhaving:\n  condition: events >= 2 AND user_id IS NOT NULL\n",
      grouped,
    );
    expect(found(diagnostics)).toEqual(['warning RULE001 /where', 'warning RULE001 /having']);
    expect(catalog!.models[0].having!.condition.text).toBe('events >= 2 AND user_id IS NOT NULL');
  });
});
