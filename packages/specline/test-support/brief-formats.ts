import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_SPECS } from './example-workspace';

/**
 * The example catalog's models written in the two formats the product brief shows teams
 * bring (../shared/docs/import-formats.md, restated in docs/generators.md): the requirements
 * markdown with `## Model: <name> (schema: <s>)`, a `Sources:` line and the brief's three
 * tables, fenced; and spec.json with `sources` as strings. In both, tables are named as
 * written (`raw.crm_customers`) and columns are qualified by table name, not by the spec's
 * short aliases; aggregates are formulas in `transform` with no group-by, as real files
 * write them. What the formats have no place for (unit tests, orchestration, targets,
 * table tests, join rationales) is left out of the markdown; the spec.json carries
 * orchestration so that its report can be checked.
 */
export type SpecObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LAYER_SCHEMAS: Record<string, string> = { staging: 'staging', intermediate: 'intermediate', marts: 'marts' };

export function exampleModelSpecs(): SpecObject[] {
  const folder = path.join(EXAMPLE_SPECS, 'models');
  return readdirSync(folder)
    .sort()
    .flatMap((layer) =>
      readdirSync(path.join(folder, layer))
        .sort()
        .map((file) => parse(readFileSync(path.join(folder, layer, file), 'utf8')) as SpecObject),
    );
}

/** `c.email` to `crm_customers.email` for every alias of the model, outside string literals. */
export function byTableName(spec: SpecObject): (sql: string) => string {
  const refOf = new Map<string, string>((spec['sources'] as SpecObject[]).map((s) => [s['alias'], s['ref']]));
  return (sql) =>
    sql
      .split(/('(?:[^']|'')*')/)
      .map((piece, i) =>
        i % 2 === 1
          ? piece
          : piece.replace(/(?<![A-Za-z0-9_.])([a-z][a-z0-9_]*)\.(?=[a-z_])/g, (m, alias: string) =>
              refOf.has(alias) ? `${refOf.get(alias)}.` : m,
            ),
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
}

const qualified = (ref: string) => (/^(stg|int|dim|fact|agg)_/.test(ref) ? `${LAYER_SCHEMAS[layerOfRef(ref)]}.${ref}` : `raw.${ref}`);
const layerOfRef = (ref: string) => (ref.startsWith('stg_') ? 'staging' : ref.startsWith('int_') ? 'intermediate' : 'marts');

function testText(test: unknown): string {
  if (typeof test === 'string') return test;
  const t = test as SpecObject;
  if (t['accepted_values']) return `accepted_values([${(t['accepted_values'] as string[]).map((v) => `'${v}'`).join(', ')}])`;
  if (t['relationships']) return `relationships(${t['relationships'].to}.${t['relationships'].field})`;
  return `expression(${t['expression']})`;
}

/** The transform as a requirements author writes it: an aggregate is a formula. */
function transformText(spec: SpecObject, column: SpecObject): string | undefined {
  const sql = byTableName(spec);
  const inner = column['transform'] !== undefined ? sql(column['transform']) : undefined;
  if (!column['aggregate']) return inner;
  const argument = inner ?? column['from'].split('.')[1];
  return column['aggregate'] === 'count_distinct'
    ? `COUNT(DISTINCT ${argument})`
    : `${String(column['aggregate']).toUpperCase()}(${argument})`;
}

/** Model-level facts the brief's markdown shows no place for, written as the `Key: value` lines real files add. */
function settingLines(spec: SpecObject): string[] {
  const lines = [`Description: ${String(spec['description']).replace(/\s+/g, ' ').trim()}`, `Owner: ${spec['owner']}`];
  const load = spec['load'] as SpecObject | undefined;
  if (load) lines.push(`Load: ${load['strategy']}`);
  for (const key of ['unique_key', 'cursor', 'natural_key', 'tracked_columns', 'updated_at', 'on_delete'])
    if (load?.[key] !== undefined) lines.push(`${label(key)}: ${[load[key]].flat().join(', ')}`);
  const c = (spec['constraints'] ?? {}) as SpecObject;
  if (c['primary_key']) lines.push(`Primary key: ${c['primary_key'].join(', ')}`);
  if (c['partition_by']) lines.push(`Partition by: ${c['partition_by'].column} (${c['partition_by'].granularity})`);
  if (c['cluster_by']) lines.push(`Cluster by: ${c['cluster_by'].join(', ')}`);
  return lines;
}

const label = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value).replace(/\|/g, '\\|'));
const row = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
const fromTable = (spec: SpecObject, from: string | undefined) =>
  from === undefined ? undefined : (spec['sources'] as SpecObject[]).find((s) => s['alias'] === from.split('.')[0])!['ref'];

export function briefMarkdownSection(spec: SpecObject): string {
  const sql = byTableName(spec);
  const sources = spec['sources'] as SpecObject[];
  const lines = [
    '```markdown',
    `## Model: ${spec['name']} (schema: ${LAYER_SCHEMAS[spec['layer']]})`,
    `Sources: ${sources.map((s) => qualified(s['ref'])).join(', ')}`,
    ...settingLines(spec),
    '',
    'Column mapping:',
    row(['target_column', 'from_table', 'from_column', 'transform', 'type', 'nullable', 'tests', 'description', 'pii', 'glossary']),
    row(Array(10).fill('---')),
    ...(spec['columns'] as SpecObject[]).map((c) =>
      row([
        c['name'],
        fromTable(spec, c['from']),
        c['from']?.split('.')[1],
        transformText(spec, c),
        c['type'],
        c['nullable'] === false ? 'no' : 'yes',
        (c['tests'] ?? []).map(testText).join(', '),
        String(c['description'] ?? '').replace(/\s+/g, ' '),
        c['pii'] === undefined ? '' : c['pii'] ? 'yes' : 'no',
        c['glossary'],
      ]),
    ),
  ];
  if (spec['joins'])
    lines.push(
      '',
      'Joins:',
      row(['left_table', 'right_table', 'type', 'condition']),
      row(Array(4).fill('---')),
      ...(spec['joins'] as SpecObject[]).map((j) =>
        row([sources[0]['ref'], sources.find((s) => s['alias'] === j['alias'])!['ref'], String(j['type']).toUpperCase(), sql(j['on'])]),
      ),
    );
  const filtered = sources.filter((s) => s['filter'] !== undefined);
  if (filtered.length)
    lines.push(
      '',
      'Filters:',
      row(['applies_to', 'predicate', 'rationale']),
      row(Array(3).fill('---')),
      ...filtered.map((s) => row([s['ref'], sql(s['filter']), s['rationale']])),
    );
  lines.push('```', '');
  return lines.join('\n');
}

export function briefSpecJsonModel(spec: SpecObject): SpecObject {
  const sql = byTableName(spec);
  const sources = spec['sources'] as SpecObject[];
  const load = spec['load'] as SpecObject | undefined;
  const out: SpecObject = {
    name: spec['name'],
    layer: spec['layer'],
    description: spec['description'],
    owner: spec['owner'],
    sources: sources.map((s) => qualified(s['ref'])),
    column_mapping: (spec['columns'] as SpecObject[]).map((c) => ({
      target_column: c['name'],
      type: c['type'],
      from_table: fromTable(spec, c['from']) ?? null,
      from_column: c['from']?.split('.')[1] ?? null,
      transform: transformText(spec, c) ?? null,
      nullable: c['nullable'] !== false,
      tests: (c['tests'] ?? []).map(testText),
      description: c['description'] ?? null,
      ...(c['pii'] !== undefined ? { pii: c['pii'] } : {}),
      ...(c['glossary'] !== undefined ? { glossary: c['glossary'] } : {}),
    })),
    joins: (spec['joins'] ?? []).map((j: SpecObject) => ({
      left_table: sources[0]['ref'],
      right_table: sources.find((s) => s['alias'] === j['alias'])!['ref'],
      type: String(j['type']).toUpperCase(),
      condition: sql(j['on']),
    })),
    filters: sources
      .filter((s) => s['filter'] !== undefined)
      .map((s) => ({ applies_to: s['ref'], predicate: sql(s['filter']), rationale: s['rationale'] })),
    constraints: spec['constraints'] ?? {},
  };
  if (load?.['strategy'] === 'scd2') {
    // The SCD settings real files carry; effective_at names the history column, or the model's own column when it has one.
    Object.assign(out, {
      scd_type: 2,
      natural_key: load['natural_key'],
      tracked_columns: load['tracked_columns'],
      effective_at: load['updated_at'] ?? 'valid_from',
      expiry_at: 'valid_to',
      current_flag: 'is_current',
      ...(load['on_delete'] ? { on_delete: load['on_delete'] } : {}),
    });
  } else if (load) out['load'] = load;
  if (spec['orchestration']) out['orchestration'] = spec['orchestration'];
  return out;
}
