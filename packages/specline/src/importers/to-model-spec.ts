import type { ImportedModel, ImportedRow, Unmapped } from './imported-model';

const AGGREGATES = ['sum', 'count', 'count_distinct', 'min', 'max', 'avg', 'any_value'];
const COLUMN_KEYS = [
  'target_column',
  'type',
  'from_table',
  'from_column',
  'transform',
  'nullable',
  'tests',
  'description',
  'pii',
  'glossary',
];
const CONSTRAINT_KEYS = [
  'primary_key',
  'partition_by',
  'cluster_by',
  'scd_type',
  'natural_key',
  'tracked_columns',
  'effective_at',
  'expiry_at',
  'current_flag',
  'unique_key',
  'cursor',
  'on_delete',
];

export interface ConvertedModel {
  readonly name: string;
  readonly layer: string;
  readonly spec: Record<string, unknown>;
  readonly unmapped: readonly Unmapped[];
}

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string' && value.trim()
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
const text = (value: unknown): string | undefined =>
  value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();

/** Column tests as written: not_null, unique, accepted_values(a, b), relationships(dataset.field), expression(sql). */
export function parseTests(value: unknown, origin: string, unmapped: Unmapped[]): unknown[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'object')) return value;
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of Array.isArray(value) ? value.join(';') : String(value ?? '')) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ';' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  const tests: unknown[] = [];
  for (const item of items.map((s) => s.trim()).filter(Boolean)) {
    const call = /^([a-z_]+)\s*(?:\((.*)\))?$/s.exec(item);
    const [kind, arg] = call ? [call[1], call[2]] : ['', ''];
    if ((kind === 'not_null' || kind === 'unique') && arg === undefined) tests.push(kind);
    else if (kind === 'accepted_values' && arg) tests.push({ accepted_values: arg.split(',').map((v) => v.trim()) });
    else if (kind === 'relationships' && arg && /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/.test(arg.trim())) {
      const [to, field] = arg.trim().split('.');
      tests.push({ relationships: { to, field } });
    } else if (kind === 'expression' && arg) tests.push({ expression: arg.trim() });
    else
      unmapped.push({
        origin,
        text: item,
        reason: 'not a known test: not_null, unique, accepted_values(...), relationships(dataset.field) or expression(...)',
      });
  }
  return tests;
}

function column(row: ImportedRow, aliases: ReadonlyMap<string, string>, unmapped: Unmapped[]): Record<string, unknown> {
  const v = row.values;
  const out: Record<string, unknown> = { name: text(v['target_column']), type: text(v['type']) ?? 'STRING' };
  if (!text(v['type'])) unmapped.push({ origin: row.origin, text: String(v['target_column']), reason: 'no type given; STRING assumed' });
  const table = text(v['from_table']);
  const fromColumn = text(v['from_column']);
  if (table && fromColumn) out['from'] = `${aliases.get(table) ?? table}.${fromColumn}`;
  if (text(v['transform'])) out['transform'] = text(v['transform']);
  const nullable = text(v['nullable'])?.toLowerCase();
  if (nullable === 'false' || nullable === 'no' || v['nullable'] === false) out['nullable'] = false;
  else if (nullable !== undefined && !['true', 'yes'].includes(nullable))
    unmapped.push({ origin: row.origin, text: String(v['nullable']), reason: 'nullable must be yes/no' });
  const pii = text(v['pii'])?.toLowerCase();
  if (pii === 'yes' || pii === 'true' || v['pii'] === true) out['pii'] = true;
  if (pii === 'no' || pii === 'false' || v['pii'] === false) out['pii'] = false;
  if (text(v['description'])) out['description'] = text(v['description']);
  if (text(v['glossary'])) out['glossary'] = text(v['glossary']);
  const tests = parseTests(v['tests'], row.origin, unmapped);
  if (tests.length > 0) out['tests'] = tests;
  for (const key of Object.keys(v))
    if (!COLUMN_KEYS.includes(key) && text(v[key]) !== undefined)
      unmapped.push({ origin: row.origin, text: `${key}: ${String(v[key])}`, reason: 'not a column mapping field' });
  return out;
}

function load(model: ImportedModel, unmapped: Unmapped[]): Record<string, unknown> | undefined {
  const c = model.constraints;
  const scd = text(c['scd_type']);
  if (scd === '2') {
    const out: Record<string, unknown> = {
      strategy: 'scd2',
      natural_key: list(c['natural_key']),
      tracked_columns: list(c['tracked_columns']),
    };
    if (text(c['effective_at'])) out['updated_at'] = text(c['effective_at']);
    if (text(c['expiry_at']) && text(c['expiry_at']) !== 'valid_to') out['valid_to'] = text(c['expiry_at']);
    if (text(c['current_flag']) && text(c['current_flag']) !== 'is_current') out['is_current'] = text(c['current_flag']);
    if (text(c['on_delete'])) out['on_delete'] = text(c['on_delete']);
    return out;
  }
  if (scd !== undefined)
    unmapped.push({
      origin: model.origin,
      text: `scd_type: ${scd}`,
      reason: 'only SCD type 2 has a load strategy; type 1 is a plain table',
    });
  const strategy = text(model.load);
  if (!strategy) return undefined;
  if (strategy === 'incremental')
    return { strategy, unique_key: list(c['unique_key']), ...(text(c['cursor']) ? { cursor: text(c['cursor']) } : {}) };
  if (['table', 'view'].includes(strategy)) return { strategy };
  unmapped.push({ origin: model.origin, text: `load: ${strategy}`, reason: 'load must be table, view, incremental or scd2' });
  return undefined;
}

/** One imported model to a model spec object, plus everything that did not fit. */
export function toModelSpec(model: ImportedModel): ConvertedModel {
  const unmapped: Unmapped[] = [...model.unknown];
  const aliases = new Map<string, string>();
  const sources = model.sources.map((s) => {
    const ref = s.table.replace(/^[a-z0-9_]+\./, '');
    const alias = s.alias ?? ref;
    aliases.set(s.table, alias).set(ref, alias).set(alias, alias);
    return { ref, alias } as Record<string, unknown>;
  });
  for (const f of model.filters) {
    const target = sources.find((s) => s['alias'] === aliases.get(String(f.values['table'] ?? '')));
    if (!target) {
      unmapped.push({ origin: f.origin, text: JSON.stringify(f.values), reason: 'the filter names no source of this model' });
      continue;
    }
    target['filter'] = text(f.values['condition']);
    if (text(f.values['rationale'])) target['rationale'] = text(f.values['rationale']);
  }
  const joins = model.joins.map((j) => {
    const out: Record<string, unknown> = {
      type: text(j.values['type'])?.toLowerCase(),
      alias: aliases.get(String(j.values['table'] ?? '')) ?? text(j.values['table']),
    };
    if (text(j.values['on'])) out['on'] = text(j.values['on']);
    if (text(j.values['rationale'])) out['rationale'] = text(j.values['rationale']);
    return out;
  });
  const columns = model.column_mapping.map((row) => column(row, aliases, unmapped));
  for (const agg of model.aggregations) {
    const target = columns.find((c) => c['name'] === text(agg.values['metric_column']));
    const fn = text(agg.values['type'])?.toLowerCase();
    if (!target || !fn || !AGGREGATES.includes(fn)) {
      unmapped.push({
        origin: agg.origin,
        text: JSON.stringify(agg.values),
        reason: target ? `aggregation type must be one of ${AGGREGATES.join(', ')}` : 'the metric column is not in the column mapping',
      });
      continue;
    }
    target['aggregate'] = fn;
  }
  const c = model.constraints;
  for (const key of Object.keys(c))
    if (!CONSTRAINT_KEYS.includes(key))
      unmapped.push({ origin: model.origin, text: `${key}: ${String(c[key])}`, reason: 'not a known constraint' });
  const constraints: Record<string, unknown> = {};
  if (list(c['primary_key']).length) constraints['primary_key'] = list(c['primary_key']);
  const partition = text(c['partition_by'])?.match(/^([a-z][a-z0-9_]*)(?:\s*\((hour|day|month|year)\))?$/);
  if (partition) constraints['partition_by'] = { column: partition[1], granularity: partition[2] ?? 'day' };
  else if (text(c['partition_by']))
    unmapped.push({
      origin: model.origin,
      text: `partition_by: ${String(c['partition_by'])}`,
      reason: 'write it as column or column (day)',
    });
  if (list(c['cluster_by']).length) constraints['cluster_by'] = list(c['cluster_by']);

  const spec: Record<string, unknown> = { kind: 'model', name: model.name, layer: model.layer };
  if (model.schema && model.schema !== model.layer) spec['schema'] = model.schema;
  if (model.description) spec['description'] = model.description;
  if (model.owner) spec['owner'] = model.owner;
  spec['sources'] = sources;
  if (joins.length) spec['joins'] = joins;
  if (Object.keys(constraints).length) spec['constraints'] = constraints;
  const loadSpec = load(model, unmapped);
  if (loadSpec) spec['load'] = loadSpec;
  spec['columns'] = columns;
  if (model.group_by.length) spec['group_by'] = [...model.group_by];
  return { name: model.name ?? '', layer: model.layer ?? '', spec, unmapped };
}
