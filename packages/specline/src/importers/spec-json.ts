import type { ImportedModel, ImportedRow, Unmapped } from './imported-model';

const MODEL_KEYS = [
  'name',
  'layer',
  'schema',
  'description',
  'owner',
  'load',
  'sources',
  'column_mapping',
  'joins',
  'filters',
  'aggregations',
  'group_by',
  'constraints',
];

/** Reads a spec.json `{ models: [...] }`; unknown keys are reported with their JSON path. */
export function parseSpecJson(text: string, file: string): { models: ImportedModel[]; unmapped: Unmapped[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { models: [], unmapped: [{ origin: file, text: '', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const root = doc as { models?: unknown };
  if (!root || !Array.isArray(root.models))
    return { models: [], unmapped: [{ origin: file, text: '', reason: 'expected an object with a models array' }] };
  const unmapped: Unmapped[] = Object.keys(root)
    .filter((k) => k !== 'models')
    .map((k) => ({ origin: `${file}#/${k}`, text: k, reason: 'not part of spec.json' }));
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  // Hand-written JSON may hold nulls or strings where objects belong: report them, never crash.
  (root.models as unknown[]).forEach((m, i) => {
    if (!isObject(m)) unmapped.push({ origin: `${file}#/models/${i}`, text: JSON.stringify(m) ?? '', reason: 'a model must be an object' });
  });
  const models = (root.models as unknown[])
    .flatMap((m, i) => (isObject(m) ? [[m, i] as const] : []))
    .map(([m, i]) => {
      const at = `${file}#/models/${i}`;
      const rows = (key: string): ImportedRow[] => {
        if (!Array.isArray(m[key])) return [];
        return (m[key] as unknown[]).flatMap((values, j) => {
          if (isObject(values)) return [{ origin: `${at}/${key}/${j}`, values }];
          unmapped.push({ origin: `${at}/${key}/${j}`, text: JSON.stringify(values) ?? '', reason: `a ${key} entry must be an object` });
          return [];
        });
      };
      const sources = (Array.isArray(m['sources']) ? m['sources'] : []).flatMap((s: unknown, j: number) => {
        const origin = `${at}/sources/${j}`;
        if (typeof s !== 'string' && !isObject(s)) {
          unmapped.push({
            origin,
            text: JSON.stringify(s) ?? '',
            reason: 'a source must be "schema.table [AS alias]" or { table, alias }',
          });
          return [];
        }
        if (typeof s === 'string') {
          const match = /^([a-z0-9_.]+)(?:\s+AS\s+([a-z][a-z0-9_]*))?$/i.exec(s.trim());
          return [{ origin, table: match?.[1] ?? s, alias: match?.[2] }];
        }
        return [{ origin, table: String(s['table']), alias: s['alias'] === undefined ? undefined : String(s['alias']) }];
      });
      return {
        origin: at,
        name: m['name'] as string | undefined,
        layer: m['layer'] as string | undefined,
        schema: m['schema'] as string | undefined,
        description: m['description'] as string | undefined,
        owner: m['owner'] as string | undefined,
        load: m['load'] as string | undefined,
        sources,
        column_mapping: rows('column_mapping'),
        joins: rows('joins'),
        filters: rows('filters'),
        aggregations: rows('aggregations'),
        group_by: Array.isArray(m['group_by']) ? (m['group_by'] as string[]) : [],
        constraints: isObject(m['constraints']) ? m['constraints'] : {},
        unknown: Object.keys(m)
          .filter((k) => !MODEL_KEYS.includes(k))
          .map((k) => ({ origin: `${at}/${k}`, text: k, reason: 'not a spec.json model field' })),
      };
    });
  return { models, unmapped };
}
