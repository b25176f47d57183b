import { splitTopLevel } from './column-tests';
import { snakeCase, type ImportedModel, type ImportedRow, type ImportedValue, type ImportNote, type ParsedModels } from './imported-model';

type Table = 'column_mapping' | 'joins' | 'filters' | 'aggregations' | 'group_by' | 'constraints';

const TABLES: Readonly<Record<string, Table>> = {
  column_mapping: 'column_mapping',
  columns: 'column_mapping',
  mapping: 'column_mapping',
  joins: 'joins',
  filters: 'filters',
  aggregations: 'aggregations',
  group_by: 'group_by',
  constraints: 'constraints',
};

/** Header names real files use for the brief's table columns. */
const HEADER_SYNONYMS: Readonly<Record<string, string>> = {
  target: 'target_column',
  column: 'target_column',
  source_table: 'from_table',
  source_column: 'from_column',
  data_type: 'type',
  table: 'table',
};

const MODEL_HEADING = /^(#{1,6})\s*Model:\s*`?([^`\s(]+)`?\s*(?:\(\s*(?:schema\s*:\s*)?`?([^`)\s]*)`?\s*\))?\s*$/i;
const FENCE = /^\s*(```|~~~)/;
const LABEL = /^(#{1,6}\s+)?(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _-]*?)(?:\*\*|__)?\s*(?::\s*(?:\*\*|__)?\s*(.*))?$/;

/** A table cell: `\|` is a literal pipe; backticks around code and bold around text are decoration. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) =>
      cell
        .trim()
        .replace(/\\\|/g, '|')
        .replace(/^`(.*)`$/s, '$1')
        .replace(/^\*\*(.*)\*\*$/s, '$1'),
    );
}

/** The table a header row belongs to when no label said so. */
function tableOfHeader(header: readonly string[]): Table | undefined {
  if (header.includes('target_column')) return 'column_mapping';
  if (header.includes('right_table') || (header.includes('table') && header.includes('on'))) return 'joins';
  if (header.includes('predicate') || header.includes('applies_to')) return 'filters';
  if (header.includes('metric_column')) return 'aggregations';
  if (header.includes('constraint')) return 'constraints';
  return undefined;
}

interface Draft {
  origin: string;
  name: string;
  schema?: string;
  level: number;
  sources: { origin: string; table: string; alias?: string }[];
  column_mapping: ImportedRow[];
  joins: ImportedRow[];
  filters: ImportedRow[];
  aggregations: ImportedRow[];
  group_by?: ImportedValue;
  fields: Record<string, ImportedValue>;
  notes: ImportNote[];
}

/** `raw.billing_accounts`, `` `raw.billing_accounts` AS a ``. */
function sourceItem(text: string, origin: string): { origin: string; table: string; alias?: string } | undefined {
  const match = /^`?([A-Za-z0-9_.]+)`?(?:\s+(?:AS\s+)?`?([A-Za-z][A-Za-z0-9_]*)`?)?$/i.exec(text.trim());
  return match ? { origin, table: match[1], alias: match[2] } : undefined;
}

/**
 * Parses the requirements markdown in the brief's shape: `## Model: <name> (schema: <s>)`
 * sections, a `Sources:` line, and the `Column mapping:`, `Joins:` and `Filters:` tables.
 * Liberal around it: `#` to `######` headings, sections inside fenced blocks or not, labels
 * as `Joins:`, `#### Joins` or `**Joins:**`, tables recognised by their header when
 * unlabelled, sources on the line or as a list, `Key: value` lines (description, owner,
 * load, primary key, ...), and the older `| type | table | on |` and `| table | condition |`
 * tables. Inside a model every line that is not understood is reported with its line;
 * prose before the first model, and after a heading that ends it, is the document's own.
 */
export function parseRequirementsMarkdown(markdown: string, file: string): ParsedModels {
  const lines = markdown.split(/\r?\n/);
  const models: Draft[] = [];
  let model: Draft | undefined;
  let table: Table | undefined;
  let header: string[] | undefined;
  let inSources = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const origin = `${file}:${i + 1}`;
    const trimmed = line.trim();
    if (FENCE.test(line)) continue;
    const heading = MODEL_HEADING.exec(trimmed);
    if (heading) {
      model = {
        origin,
        name: heading[2],
        schema: heading[3] || undefined,
        level: heading[1].length,
        sources: [],
        column_mapping: [],
        joins: [],
        filters: [],
        aggregations: [],
        fields: {},
        notes: [],
      };
      models.push(model);
      table = undefined;
      header = undefined;
      inSources = false;
      continue;
    }
    if (!model) continue;
    const otherHeading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (otherHeading && otherHeading[1].length <= model.level) {
      model = undefined;
      continue;
    }
    if (!trimmed) {
      header = undefined;
      continue;
    }
    const report = (reason: string) => model!.notes.push({ origin, effect: 'unmapped', text: trimmed, reason });
    if (trimmed.startsWith('|')) {
      const row = cells(trimmed);
      if (!header) {
        header = row.map((h) => HEADER_SYNONYMS[snakeCase(h)] ?? snakeCase(h));
        table = tableOfHeader(header) ?? table;
        if (!table) report('a table outside Column mapping, Joins, Filters, Aggregations, Group by or Constraints');
        continue;
      }
      if (row.every((c) => /^:?-+:?$/.test(c))) continue;
      if (!table) continue;
      const values = Object.fromEntries(header.map((h, k) => [h, row[k] ?? '']));
      if (row.length > header.length) report(`the row has ${row.length} cells for ${header.length} columns (an unescaped | ?)`);
      else if (table === 'group_by') model.group_by = { origin, value: [...((model.group_by?.value as string[]) ?? []), row[0]] };
      else if (table === 'constraints') model.fields[snakeCase(String(values['constraint']))] = { origin, value: values['value'] };
      else model[table].push({ origin, values });
      continue;
    }
    header = undefined;
    const item = /^[-*+]\s+(.*)$/.exec(trimmed);
    if (inSources && item && !item[1].includes(':')) {
      const source = sourceItem(item[1], origin);
      if (source) model.sources.push(source);
      else report('a source is written schema.table, or schema.table AS alias');
      continue;
    }
    // A label or a field: `Joins:`, `#### Joins`, `**Joins:**`, `Sources: a, b`, `- Owner: x`, `**Owner:** x`.
    const label = LABEL.exec(trimmed);
    const key = snakeCase(label?.[2] ?? '');
    const rest = label?.[3]?.trim();
    const isHeading = label?.[1] !== undefined;
    if (label && (key === 'sources' || key === 'source') && rest !== undefined) {
      inSources = true;
      table = undefined;
      for (const entry of splitTopLevel(rest, ',')) {
        const source = sourceItem(entry, origin);
        if (source) model.sources.push(source);
        else report('a source is written schema.table, or schema.table AS alias');
      }
      continue;
    }
    if (label && TABLES[key] && (rest === '' || (isHeading && rest === undefined))) {
      table = TABLES[key];
      inSources = false;
      continue;
    }
    if (label && rest) {
      inSources = false;
      if (key === 'group_by') model.group_by = { origin, value: rest };
      else model.fields[key] = { origin, value: rest };
      continue;
    }
    report('not part of the requirements format');
  }
  return { models: models.map(freeze), notes: [] };
}

function freeze(draft: Draft): ImportedModel {
  const { level: _level, ...model } = draft;
  void _level;
  return model;
}
