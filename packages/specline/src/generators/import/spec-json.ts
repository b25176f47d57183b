import type { ImportedModel, ImportedRow, Unmapped } from './imported-model';

const MODEL_KEYS = ['name', 'layer', 'schema', 'description', 'owner', 'load', 'sources', 'column_mapping', 'joins', 'filters', 'aggregations', 'group_by', 'constraints'];

/** Reads a spec.json `{ models: [...] }`; unknown keys are reported with their JSON path. */
export function parseSpecJson(text: string, file: string): { models: ImportedModel[]; unmapped: Unmapped[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { models: [], unmapped: [{ origin: file, text: '', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const root = doc as { models?: unknown };
  if (!root || !Array.isArray(root.models)) return { models: [], unmapped: [{ origin: file, text: '', reason: 'expected an object with a models array' }] };
  const unmapped: Unmapped[] = Object.keys(root).filter((k) => k !== 'models').map((k) => ({ origin: `${file}#/${k}`, text: k, reason: 'not part of spec.json' }));
  const models = (root.models as Record<string, unknown>[]).map((m, i) => {
    const at = `${file}#/models/${i}`;
    const rows = (key: string): ImportedRow[] => (Array.isArray(m[key]) ? (m[key] as Record<string, unknown>[]).map((values, j) => ({ origin: `${at}/${key}/${j}`, values })) : []);
    const sources = (Array.isArray(m['sources']) ? m['sources'] : []).map((s: unknown, j: number) => {
      const origin = `${at}/sources/${j}`;
      if (typeof s === 'string') {
        const match = /^([a-z0-9_.]+)(?:\s+AS\s+([a-z][a-z0-9_]*))?$/i.exec(s.trim());
        return { origin, table: match?.[1] ?? s, alias: match?.[2] };
      }
      const o = s as Record<string, unknown>;
      return { origin, table: String(o['table']), alias: o['alias'] === undefined ? undefined : String(o['alias']) };
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
      constraints: (m['constraints'] as Record<string, unknown>) ?? {},
      unknown: Object.keys(m).filter((k) => !MODEL_KEYS.includes(k)).map((k) => ({ origin: `${at}/${k}`, text: k, reason: 'not a spec.json model field' })),
    };
  });
  return { models, unmapped };
}
