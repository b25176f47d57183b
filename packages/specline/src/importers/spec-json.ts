import { snakeCase, type ImportedModel, type ImportedRow, type ImportedSource, type ImportNote, type ParsedModels } from './imported-model';

/** Keys read into their own place; every other key of a model is a model-level field. */
const TABLE_KEYS = ['column_mapping', 'joins', 'filters', 'aggregations'] as const;
const OWN_KEYS = ['name', 'schema', 'target_schema', 'sources', 'group_by', 'constraints', 'target', ...TABLE_KEYS];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Reads a spec.json in the brief's shape: one model object, or several under `models`,
 * with `sources` as strings and `column_mapping`, `joins` (left_table, right_table, type,
 * condition) and `filters` (applies_to, predicate, rationale) as arrays of objects. Fields
 * the brief does not show are kept as model-level fields for the converter to map or
 * report; whatever is malformed is reported with its JSON path, never a crash.
 */
export function parseSpecJson(text: string, file: string): ParsedModels {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { models: [], notes: [{ origin: file, effect: 'refused', text: '', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!isObject(doc))
    return {
      models: [],
      notes: [{ origin: file, effect: 'refused', text: '', reason: 'expected a model object, or { "models": [...] }' }],
    };
  if (!Array.isArray(doc['models'])) return { models: [readModel(doc, `${file}#`)], notes: [] };
  const notes: ImportNote[] = Object.keys(doc)
    .filter((key) => key !== 'models')
    .map((key) => ({ origin: `${file}#/${key}`, effect: 'unmapped', text: key, reason: 'not part of spec.json; only models is read' }));
  const models: ImportedModel[] = [];
  (doc['models'] as unknown[]).forEach((model, i) => {
    if (isObject(model)) models.push(readModel(model, `${file}#/models/${i}`));
    else notes.push({ origin: `${file}#/models/${i}`, effect: 'refused', text: shown(model), reason: 'a model must be an object' });
  });
  return { models, notes };
}

function readModel(m: Record<string, unknown>, at: string): ImportedModel {
  const notes: ImportNote[] = [];
  const rows = (key: string): ImportedRow[] => {
    if (m[key] === undefined || m[key] === null) return [];
    if (!Array.isArray(m[key])) {
      notes.push({ origin: `${at}/${key}`, effect: 'refused', text: shown(m[key]), reason: `${key} must be an array of objects` });
      return [];
    }
    return (m[key] as unknown[]).flatMap((values, j) => {
      if (isObject(values)) return [{ origin: `${at}/${key}/${j}`, values: snakeKeys(values) }];
      notes.push({ origin: `${at}/${key}/${j}`, effect: 'refused', text: shown(values), reason: `a ${key} entry must be an object` });
      return [];
    });
  };
  const sources: ImportedSource[] = (Array.isArray(m['sources']) ? m['sources'] : []).flatMap((s: unknown, j: number) => {
    const origin = `${at}/sources/${j}`;
    if (typeof s === 'string') {
      const match = /^([A-Za-z0-9_.]+)(?:\s+(?:AS\s+)?([A-Za-z][A-Za-z0-9_]*))?$/i.exec(s.trim());
      if (match) return [{ origin, table: match[1], alias: match[2] }];
    } else if (isObject(s) && typeof s['table'] === 'string')
      return [{ origin, table: s['table'], alias: typeof s['alias'] === 'string' ? s['alias'] : undefined }];
    notes.push({
      origin,
      effect: 'refused',
      text: shown(s),
      reason: 'a source is "schema.table", "schema.table AS alias" or { "table", "alias" }',
    });
    return [];
  });
  const fields: Record<string, { origin: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(m))
    if (!OWN_KEYS.includes(key) && value !== null && value !== undefined) fields[snakeCase(key)] = { origin: `${at}/${key}`, value };
  // Constraints and the SCD settings are read alike wherever the file puts them.
  if (isObject(m['constraints']))
    for (const [key, value] of Object.entries(m['constraints'])) fields[snakeCase(key)] = { origin: `${at}/constraints/${key}`, value };
  else if (m['constraints'] !== undefined && m['constraints'] !== null)
    notes.push({ origin: `${at}/constraints`, effect: 'unmapped', text: shown(m['constraints']), reason: 'constraints must be an object' });
  let schema = typeof m['schema'] === 'string' ? m['schema'] : typeof m['target_schema'] === 'string' ? m['target_schema'] : undefined;
  if (isObject(m['target'])) {
    for (const [key, value] of Object.entries(m['target'])) {
      if (key === 'schema' && typeof value === 'string') schema = value;
      else if ((key === 'table' || key === 'name') && value === m['name']) continue;
      else
        notes.push({
          origin: `${at}/target/${key}`,
          effect: 'unmapped',
          text: `${key}: ${shown(value)}`,
          reason: 'only the target schema has a place in a model spec',
        });
    }
  }
  return {
    origin: at,
    name: typeof m['name'] === 'string' ? m['name'] : undefined,
    schema,
    sources,
    column_mapping: rows('column_mapping'),
    joins: rows('joins'),
    filters: rows('filters'),
    aggregations: rows('aggregations'),
    group_by: m['group_by'] === undefined ? undefined : { origin: `${at}/group_by`, value: m['group_by'] },
    fields,
    notes,
  };
}

function snakeKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [snakeCase(key), value]));
}
