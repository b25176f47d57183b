import type { ImportedValue, ImportNote } from './imported-model';
import { isPlaceholder } from './placeholder';

/** A list written as `a, b`, `[a, b]` or a JSON array. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value !== 'string') return value === undefined || value === null ? [] : [String(value)];
  return value
    .replace(/^\[(.*)\]$/s, '$1')
    .split(',')
    .map((s) => s.trim().replace(/^['"`](.*)['"`]$/, '$1'))
    .filter(Boolean);
}

export const textOf = (value: unknown): string | undefined =>
  value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();

/** The fields of a model spec's load object. */
const LOAD_KEYS = [
  'strategy',
  'unique_key',
  'cursor',
  'natural_key',
  'tracked_columns',
  'updated_at',
  'valid_from',
  'valid_to',
  'is_current',
  'on_delete',
];
const SCD_DEFAULTS = { valid_from: 'valid_from', valid_to: 'valid_to', is_current: 'is_current' } as const;

/** The model-level fields the load strategy and constraints are made of. */
export const SETTING_FIELDS = [
  'load',
  'materialization',
  'materialized',
  'primary_key',
  'partition_by',
  'cluster_by',
  'unique_key',
  'cursor',
  'scd_type',
  'natural_key',
  'tracked_columns',
  'updated_at',
  'effective_at',
  'valid_from',
  'expiry_at',
  'valid_to',
  'current_flag',
  'is_current',
  'on_delete',
];

interface Settings {
  readonly fields: Readonly<Record<string, ImportedValue>>;
  readonly origin: string;
  /** The output column names, to tell a column from a history column name. */
  readonly columns: readonly string[];
  readonly notes: ImportNote[];
  readonly refuse: (origin: string, text: string, reason: string) => void;
}

/**
 * The load strategy and constraints from the model-level fields, wherever the input put
 * them (a `Load:` line, a constraints object, SCD settings beside the tables). SCD
 * settings name the history columns: effective_at, expiry_at and current_flag become
 * valid_from, valid_to and is_current, except that an effective_at naming one of the
 * model's own columns says when a version took effect, which is updated_at.
 */
export function loadAndConstraints(settings: Settings): { load?: Record<string, unknown>; constraints?: Record<string, unknown> } {
  const { fields, notes } = settings;
  const value = (key: string): unknown => {
    const field = fields[key];
    if (field === undefined) return undefined;
    if (typeof field.value === 'string' && isPlaceholder(field.value)) {
      notes.push({ origin: field.origin, effect: 'unmapped', text: `${key}: ${field.value}`, reason: 'a placeholder; left out' });
      return undefined;
    }
    return field.value;
  };
  const originOf = (key: string) => fields[key]?.origin ?? settings.origin;
  const constraints: Record<string, unknown> = {};
  const primaryKey = listOf(value('primary_key'));
  if (primaryKey.length) constraints['primary_key'] = primaryKey;
  const partition = value('partition_by');
  if (partition !== undefined) {
    const written = typeof partition === 'object' && partition !== null ? (partition as Record<string, unknown>) : undefined;
    const match = /^(?:DATE\s*\(\s*)?([a-z][a-z0-9_]*)\s*\)?(?:\s*\(\s*(hour|day|month|year)\s*\))?$/i.exec(String(partition));
    const column = written ? textOf(written['column'] ?? written['field']) : match?.[1];
    const granularity = (written ? textOf(written['granularity']) : match?.[2])?.toLowerCase() ?? 'day';
    if (column && ['hour', 'day', 'month', 'year'].includes(granularity)) constraints['partition_by'] = { column, granularity };
    else
      notes.push({
        origin: originOf('partition_by'),
        effect: 'unmapped',
        text: `partition_by: ${JSON.stringify(partition)}`,
        reason: 'write it as column or column (day|hour|month|year)',
      });
  }
  const clusterBy = listOf(value('cluster_by'));
  if (clusterBy.length) constraints['cluster_by'] = clusterBy;

  const written = value('load') ?? value('materialization') ?? value('materialized');
  const loadObject = typeof written === 'object' && written !== null ? (written as Record<string, unknown>) : {};
  const get = (key: string) => value(key) ?? loadObject[key];
  const scdType = textOf(value('scd_type'))?.replace(/^(scd|type)\s*/i, '');
  let strategy = (textOf(loadObject['strategy']) ?? (typeof written === 'string' ? written : undefined))?.toLowerCase();
  if (scdType === '2') strategy = 'scd2';
  else if (scdType !== undefined)
    notes.push({
      origin: originOf('scd_type'),
      effect: 'unmapped',
      text: `scd_type: ${scdType}`,
      reason: 'only SCD type 2 keeps history; type 1 is a table rebuilt in place',
    });
  // A merge key or natural key not given is the primary key, said so in the report.
  const keyOrPrimaryKey = (key: string): string[] => {
    const given = listOf(get(key));
    if (given.length || !primaryKey.length) return given;
    notes.push({
      origin: settings.origin,
      effect: 'changed',
      text: key,
      reason: `none given; the primary key (${primaryKey.join(', ')}) is used`,
    });
    return primaryKey;
  };
  const load: Record<string, unknown> = {};
  if (strategy === 'incremental') {
    load['strategy'] = strategy;
    load['unique_key'] = keyOrPrimaryKey('unique_key');
    if (textOf(get('cursor'))) load['cursor'] = textOf(get('cursor'));
  } else if (strategy === 'scd2') {
    load['strategy'] = strategy;
    load['natural_key'] = keyOrPrimaryKey('natural_key');
    load['tracked_columns'] = listOf(get('tracked_columns'));
    const effectiveAt = textOf(get('effective_at'));
    const updatedAt = textOf(get('updated_at'));
    if (updatedAt) load['updated_at'] = updatedAt;
    if (effectiveAt && settings.columns.includes(effectiveAt)) {
      load['updated_at'] = effectiveAt;
      notes.push({
        origin: originOf('effective_at'),
        effect: 'changed',
        text: `effective_at: ${effectiveAt}`,
        reason: `a column of the model, so it is load.updated_at: each version takes effect at its ${effectiveAt}`,
      });
    }
    const history: [string, string | undefined][] = [
      ['valid_from', effectiveAt && !settings.columns.includes(effectiveAt) ? effectiveAt : textOf(get('valid_from'))],
      ['valid_to', textOf(get('expiry_at')) ?? textOf(get('valid_to'))],
      ['is_current', textOf(get('current_flag')) ?? textOf(get('is_current'))],
    ];
    for (const [key, name] of history) if (name && name !== SCD_DEFAULTS[key as keyof typeof SCD_DEFAULTS]) load[key] = name;
    const onDelete = textOf(get('on_delete'))?.toLowerCase();
    if (onDelete) load['on_delete'] = onDelete;
  } else if (strategy === 'table' || strategy === 'view') load['strategy'] = strategy;
  else if (strategy !== undefined)
    settings.refuse(originOf('load'), `load: ${strategy}`, 'the load must be table, view, incremental or scd2 (or scd_type: 2)');
  for (const key of Object.keys(loadObject))
    if (!LOAD_KEYS.includes(key))
      notes.push({ origin: `${originOf('load')}/${key}`, effect: 'unmapped', text: key, reason: 'not a load setting' });
  return {
    load: Object.keys(load).length ? load : undefined,
    constraints: Object.keys(constraints).length ? constraints : undefined,
  };
}
