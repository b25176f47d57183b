import type { ImportedModel, ImportedRow, Unmapped } from './imported-model';

const TABLES: Record<string, 'column_mapping' | 'joins' | 'filters' | 'aggregations' | 'group_by' | 'constraints'> = {
  'column mapping': 'column_mapping',
  columns: 'column_mapping',
  joins: 'joins',
  filters: 'filters',
  aggregations: 'aggregations',
  'group by': 'group_by',
  constraints: 'constraints',
};
const FIELDS = ['layer', 'description', 'owner', 'load'] as const;

/** A table cell: `\|` is a literal pipe, backticks around code are decoration. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) =>
      c
        .trim()
        .replace(/\\\|/g, '|')
        .replace(/^`(.*)`$/s, '$1'),
    );
}

/**
 * Parses the table-driven requirements markdown: `### Model: <name> (schema: <s>)` sections
 * with `- Field: value` lines, a Sources list and `####` tables. Inside a model, every line
 * that is not blank, not a `#`/`##` heading and not understood is reported with its line
 * number; prose before the first model is the document's introduction and is skipped.
 */
export function parseRequirementsMarkdown(markdown: string, file: string): { models: ImportedModel[]; unmapped: Unmapped[] } {
  const lines = markdown.split(/\r?\n/);
  const models: ImportedModel[] = [];
  type Draft = { -readonly [K in keyof ImportedModel]: ImportedModel[K] extends readonly (infer T)[] ? T[] : ImportedModel[K] };
  let model: Draft | undefined;
  let section: string | undefined;
  let header: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const origin = `${file}:${i + 1}`;
    const heading = /^###\s+Model:\s*([A-Za-z0-9_]+)\s*(?:\(schema:\s*([A-Za-z0-9_]+)\))?\s*$/.exec(line);
    if (heading) {
      model = {
        origin,
        name: heading[1],
        schema: heading[2],
        layer: undefined,
        sources: [],
        column_mapping: [],
        joins: [],
        filters: [],
        aggregations: [],
        group_by: [],
        constraints: {},
        unknown: [],
      };
      models.push(model as ImportedModel);
      section = undefined;
      continue;
    }
    if (!line.trim() || /^#{1,2}\s/.test(line) || !model) continue;
    const unknown = model.unknown;
    const report = (reason: string) => unknown.push({ origin, text: line.trim(), reason });
    const sub = /^####\s+(.+?)\s*$/.exec(line);
    if (sub) {
      section = TABLES[sub[1].toLowerCase()];
      header = undefined;
      if (!section) report('unknown section; expected Column mapping, Joins, Filters, Aggregations, Group by or Constraints');
      continue;
    }
    if (/^sources:\s*$/i.test(line.trim())) {
      section = 'sources';
      continue;
    }
    const field = /^-\s+([A-Za-z ]+):\s*(.+)$/.exec(line);
    if (field && section === undefined && FIELDS.includes(field[1].toLowerCase() as (typeof FIELDS)[number])) {
      (model as Record<string, unknown>)[field[1].toLowerCase()] = field[2].trim();
      continue;
    }
    if (section === 'sources') {
      const source = /^-\s+`?([a-z0-9_.]+)`?(?:\s+AS\s+([a-z][a-z0-9_]*))?\s*$/i.exec(line);
      if (source) model.sources.push({ origin, table: source[1], alias: source[2] });
      else report('a source is written - `schema.table` AS alias');
      continue;
    }
    if (section && line.trim().startsWith('|')) {
      const row = cells(line);
      if (!header) {
        header = row.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
        continue;
      }
      if (row.every((c) => /^:?-+:?$/.test(c))) continue;
      const values = Object.fromEntries(header.map((h, k) => [h, row[k] ?? '']));
      const entry: ImportedRow = { origin, values };
      if (section === 'group_by') model.group_by.push(String(values['column']));
      else if (section === 'constraints') model.constraints = { ...model.constraints, [String(values['constraint'])]: values['value'] };
      else (model[section as 'joins'] as ImportedRow[]).push(entry);
      continue;
    }
    report('not part of the documented format');
  }
  // Every problem belongs to a model; the JSON importer shares this shape and has others.
  return { models: models as ImportedModel[], unmapped: [] };
}
