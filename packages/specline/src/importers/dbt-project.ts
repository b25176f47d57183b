import * as polyglot from '@polyglot-sql/sdk';
import { parse as parseYaml } from 'yaml';
import type { ImportedModel, ImportedRow, ImportedValue, ImportNote, ParsedModels } from './imported-model';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A dbt project's files, by path relative to the project folder. */
export type DbtFiles = ReadonlyMap<string, string>;

/** The declared type of a column of a dataset the catalog already has, for columns read as they are. */
export type ColumnTypeLookup = (dataset: string, column: string) => string | undefined;

interface DbtModelDoc {
  readonly file: string;
  readonly description?: string;
  readonly owner?: string;
  readonly columns: ReadonlyMap<string, Node>;
}

const REF = /\{\{\s*ref\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)\s*\}\}/g;
const SOURCE = /\{\{\s*source\(\s*['"]([A-Za-z0-9_]+)['"]\s*,\s*['"]([A-Za-z0-9_]+)['"]\s*\)\s*\}\}/g;
const CONFIG = /\{\{\s*config\(([^}]*)\)\s*\}\}/g;
const AGGREGATE_TYPES: Readonly<Record<string, string>> = { count: 'INT64' };

/**
 * The model SQL with its Jinja resolved the way Specline names datasets: `ref('x')` is the
 * model x, `source('crm', 'customers')` the source crm_customers; `config(...)` blocks are
 * read for the materialization and removed. Newlines are kept, so lines still match the file.
 */
export function renderDbtSql(sql: string, relationOf: (dataset: string) => string): { sql: string; materialized?: string } {
  let materialized: string | undefined;
  const rendered = sql
    .replace(CONFIG, (_m, args: string) => {
      materialized = /materialized\s*=\s*['"]([a-z_]+)['"]/.exec(args)?.[1] ?? materialized;
      return '';
    })
    .replace(REF, (_m, name: string) => relationOf(name))
    .replace(SOURCE, (_m, source: string, table: string) => relationOf(`${source}_${table}`));
  return { sql: rendered, materialized };
}

/** The models' documentation from the project's YAML files (descriptions, meta, columns and their tests). */
function modelDocs(files: DbtFiles, notes: ImportNote[]): Map<string, DbtModelDoc> {
  const docs = new Map<string, DbtModelDoc>();
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file) || !file.startsWith('models/')) continue;
    let doc: Node;
    try {
      doc = parseYaml(text) as Node;
    } catch (error) {
      notes.push({ origin: file, effect: 'unmapped', text: '', reason: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    for (const model of (doc?.['models'] ?? []) as Node[]) {
      const columns = new Map<string, Node>(((model['columns'] ?? []) as Node[]).map((c) => [String(c['name']).toLowerCase(), c]));
      const meta = (model['meta'] ?? model['config']?.['meta'] ?? {}) as Node;
      docs.set(String(model['name']), { file, description: model['description'], owner: meta['owner'], columns });
    }
  }
  return docs;
}

/** A dbt column test as the spec's text form: not_null, unique, accepted_values([...]), relationships(to.field). */
function testText(test: unknown): string {
  if (typeof test === 'string') return test;
  const [kind, args] = Object.entries(test as Node)[0] ?? ['', {}];
  const a = (args ?? {}) as Node;
  if (kind === 'accepted_values') return `accepted_values([${((a['values'] ?? []) as unknown[]).map((v) => `'${String(v)}'`).join(', ')}])`;
  if (kind === 'relationships') {
    const to = /ref\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)/.exec(String(a['to']))?.[1] ?? String(a['to']);
    return `relationships(${to}.${String(a['field'])})`;
  }
  return kind;
}

const generate = (node: Node): string => {
  const result = polyglot.generate([node], 'bigquery' as polyglot.Dialect);
  return result.success && result.sql ? result.sql[0] : '';
};

/** The first line any part of a node sits on, for origins. */
function lineOf(node: unknown): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const span = (node as Node)['span'];
  if (span && typeof span['line'] === 'number') return span['line'];
  for (const value of Object.values(node as Node)) {
    const line = lineOf(value);
    if (line !== undefined) return line;
  }
  return undefined;
}

/** `a AND b AND c` as its conjuncts. */
function conjuncts(node: Node): Node[] {
  return node['and'] ? [...conjuncts(node['and']['left']), ...conjuncts(node['and']['right'])] : [node];
}

/** The table aliases a SQL node qualifies columns with. */
function aliasesIn(node: unknown, found = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return found;
  const column = (node as Node)['column'];
  if (column?.['table']?.['name']) found.add(String(column['table']['name']).toLowerCase());
  for (const value of Object.values(node as Node)) aliasesIn(value, found);
  return found;
}

/** The order dbt builds models in: each after the models it refs, so their column types are known. */
function buildOrder(sqlFiles: readonly [string, string][]): [string, string][] {
  const name = (file: string) =>
    file
      .split('/')
      .pop()!
      .replace(/\.sql$/, '');
  const byName = new Map(sqlFiles.map((entry) => [name(entry[0]), entry]));
  const done = new Set<string>();
  const ordered: [string, string][] = [];
  const visit = (model: string, path: Set<string>) => {
    if (done.has(model) || path.has(model) || !byName.has(model)) return;
    path.add(model);
    for (const match of byName.get(model)![1].matchAll(REF)) visit(match[1], path);
    done.add(model);
    ordered.push(byName.get(model)!);
  };
  for (const model of [...byName.keys()].sort()) visit(model, new Set());
  return ordered;
}

/**
 * Reads a dbt project's models into the import shape, one model per `.sql` file under
 * models/: the SELECT's FROM and JOINs become the sources and joins, its columns the column
 * mapping (a column read as is keeps its input's type; others take `data_type` from the
 * YAML, or COUNT's INT64), WHERE conjuncts the filters of the input each reads, GROUP BY the
 * group-by, and the YAML's descriptions, meta.owner, meta.pii and tests their fields. What a
 * spec cannot hold (SELECT *, a CTE, a subquery, a WHERE on an outer-joined input, ...)
 * refuses that model, with the file and line.
 */
export function readDbtProject(files: DbtFiles, root: string, typeOf: ColumnTypeLookup): ParsedModels {
  const notes: ImportNote[] = [];
  const docs = modelDocs(files, notes);
  const sqlFiles = [...files].filter(([file]) => file.startsWith('models/') && file.endsWith('.sql'));
  const typesOfModels = new Map<string, Map<string, string>>();
  const lookup: ColumnTypeLookup = (dataset, column) => typesOfModels.get(dataset)?.get(column) ?? typeOf(dataset, column);
  const models: ImportedModel[] = [];
  for (const [file, text] of buildOrder(sqlFiles)) {
    const name = file
      .split('/')
      .pop()!
      .replace(/\.sql$/, '');
    const model = readDbtModel(name, `${root}${file}`, text, docs.get(name), lookup);
    models.push(model);
    typesOfModels.set(
      name,
      new Map(
        model.column_mapping.filter((r) => r.values['type']).map((r) => [String(r.values['target_column']), String(r.values['type'])]),
      ),
    );
  }
  return { models, notes };
}

function readDbtModel(name: string, file: string, text: string, doc: DbtModelDoc | undefined, typeOf: ColumnTypeLookup): ImportedModel {
  const notes: ImportNote[] = [];
  const model = {
    origin: `${file}:1`,
    name,
    sources: [] as { origin: string; table: string; alias?: string }[],
    column_mapping: [] as ImportedRow[],
    joins: [] as ImportedRow[],
    filters: [] as ImportedRow[],
    aggregations: [],
    fields: {} as Record<string, { origin: string; value: unknown }>,
    group_by: undefined as ImportedValue | undefined,
    notes,
  };
  const refuse = (line: number | undefined, what: string, reason: string) =>
    notes.push({ origin: `${file}:${line ?? 1}`, effect: 'refused', text: what, reason });
  if (doc?.description) model.fields['description'] = { origin: doc.file, value: doc.description };
  if (doc?.owner) model.fields['owner'] = { origin: doc.file, value: doc.owner };
  const { sql, materialized } = renderDbtSql(text, (dataset) => dataset);
  if (materialized === 'ephemeral' || materialized === 'incremental' || materialized === 'snapshot')
    refuse(
      1,
      `materialized='${materialized}'`,
      'only table and view models are imported from dbt; write the load strategy in the spec by hand',
    );
  else model.fields['load'] = { origin: `${file}:1`, value: materialized ?? 'view' };
  if (/\{[{%]/.test(sql)) {
    refuse(
      sql.slice(0, sql.search(/\{[{%]/)).split('\n').length,
      'Jinja',
      'Jinja other than ref, source and config has no place in a spec',
    );
    return model;
  }
  const parsed = polyglot.parse(sql, 'bigquery' as polyglot.Dialect);
  const statements = (parsed.ast ?? []) as Node[];
  const select = statements.length === 1 ? (statements[0]['select'] as Node | undefined) : undefined;
  if (!parsed.success || !select) {
    refuse(parsed.errorLine, '', parsed.success ? 'the model is not one SELECT' : `the SQL does not parse: ${parsed.error}`);
    return model;
  }
  for (const clause of ['with', 'having', 'qualify', 'order_by', 'limit', 'distinct'])
    if (select[clause])
      refuse(
        lineOf(select[clause]),
        clause.toUpperCase().replace('_', ' '),
        'a spec model is one SELECT over its inputs; this clause has no place in it',
      );

  // Inputs: FROM and each JOIN, by alias.
  const datasetOf = new Map<string, string>();
  const tableNode = (node: Node) => node?.['table'];
  const from = (select['from']?.['expressions'] ?? []) as Node[];
  if (from.length !== 1 || !tableNode(from[0])) {
    refuse(lineOf(select['from']), '', 'the FROM must be one table (ref or source), not a subquery or a list');
    return model;
  }
  const addInput = (table: Node) => {
    const dataset = String(table['name']['name']).toLowerCase();
    const alias = String(table['alias']?.['name'] ?? dataset).toLowerCase();
    datasetOf.set(alias, dataset);
    model.sources.push({ origin: `${file}:${lineOf(table) ?? 1}`, table: dataset, alias });
    return alias;
  };
  const first = addInput(tableNode(from[0]));
  const filterable = new Set([first]);
  for (const join of (select['joins'] ?? []) as Node[]) {
    const table = tableNode(join['this']);
    if (!table) {
      refuse(lineOf(join), '', 'a join must read a table (ref or source), not a subquery');
      continue;
    }
    const alias = addInput(table);
    const kind = String(join['kind']).toLowerCase();
    if (kind === 'inner') filterable.add(alias);
    model.joins.push({
      origin: `${file}:${lineOf(join) ?? 1}`,
      values: { left_table: first, right_table: alias, type: kind, condition: join['on'] ? generate(join['on']) : '' },
    });
  }

  // WHERE: each conjunct filters the one input it reads, before the joins; that is the same
  // rows only for the FROM input and inner-joined ones.
  const where = select['where_clause']?.['this'];
  const byAlias = new Map<string, string[]>();
  for (const conjunct of where ? conjuncts(where) : []) {
    const aliases = [...aliasesIn(conjunct)];
    const alias = aliases.length === 1 ? aliases[0] : aliases.length === 0 && datasetOf.size === 1 ? first : undefined;
    if (!alias || !filterable.has(alias))
      refuse(
        lineOf(conjunct),
        generate(conjunct),
        alias
          ? `a WHERE on the outer-joined input ${alias} filters after the join; a spec filters inputs before it`
          : 'a WHERE condition must read one input',
      );
    else byAlias.set(alias, [...(byAlias.get(alias) ?? []), generate(conjunct)]);
  }
  for (const [alias, predicates] of byAlias)
    model.filters.push({ origin: `${file}:${lineOf(where) ?? 1}`, values: { applies_to: alias, predicate: predicates.join(' AND ') } });

  // Columns.
  const outputs: { name: string; from?: string }[] = [];
  for (const item of (select['expressions'] ?? []) as Node[]) {
    const line = lineOf(item);
    const expression = (item['alias']?.['this'] ?? item) as Node;
    if (item['star'] || expression['star']) {
      // A star has no position of its own: it stands on the line of the SELECT keyword.
      const selectLine = sql.slice(0, Math.max(0, sql.search(/\bselect\b/i))).split('\n').length;
      refuse(line ?? selectLine, '*', 'SELECT * does not say which columns the model has; list them');
      continue;
    }
    const column = expression['column'];
    const target = String(item['alias']?.['alias']?.['name'] ?? column?.['name']?.['name'] ?? '').toLowerCase();
    if (!target) {
      refuse(line, generate(expression), 'a computed column needs a name (AS name)');
      continue;
    }
    const documented = doc?.columns.get(target);
    const values: Record<string, unknown> = { target_column: target };
    const alias = column ? String(column['table']?.['name'] ?? (datasetOf.size === 1 ? first : '')).toLowerCase() : undefined;
    if (column && alias && datasetOf.has(alias)) {
      values['from_table'] = alias;
      values['from_column'] = String(column['name']['name']).toLowerCase();
      outputs.push({ name: target, from: `${alias}.${values['from_column']}` });
    } else {
      values['transform'] = generate(expression);
      outputs.push({ name: target });
    }
    values['type'] = documented?.['data_type'] ?? inferredType(expression, datasetOf, typeOf);
    if (documented?.['description']) values['description'] = documented['description'];
    const meta = (documented?.['meta'] ?? {}) as Node;
    if (meta['pii'] !== undefined) values['pii'] = meta['pii'];
    const tests = [...((documented?.['tests'] ?? []) as unknown[]), ...((documented?.['data_tests'] ?? []) as unknown[])];
    if (tests.length) values['tests'] = tests.map(testText);
    model.column_mapping.push({ origin: `${file}:${line ?? 1}`, values });
  }
  const groupBy = (select['group_by']?.['expressions'] ?? []) as Node[];
  if (groupBy.length) {
    const names = groupBy.map((g) => {
      const ordinal = g['literal']?.['literal_type'] === 'number' ? Number(g['literal']['value']) : undefined;
      if (ordinal !== undefined) return outputs[ordinal - 1]?.name;
      const column = g['column'];
      const qualified = column
        ? `${String(column['table']?.['name'] ?? first).toLowerCase()}.${String(column['name']['name']).toLowerCase()}`
        : '';
      return outputs.find((o) => o.from === qualified)?.name ?? outputs.find((o) => o.name === String(column?.['name']?.['name']))?.name;
    });
    if (names.some((n) => n === undefined))
      refuse(
        lineOf(select['group_by']),
        generate(groupBy[names.indexOf(undefined)]),
        'a GROUP BY item must be one of the selected columns',
      );
    else model.group_by = { origin: `${file}:${lineOf(select['group_by']) ?? 1}`, value: names };
  }
  return model as ImportedModel;
}

/** The type of a column the YAML does not declare: read as is, its input's; COUNT's INT64; SUM/MIN/MAX of a column, that column's. */
function inferredType(expression: Node, datasetOf: ReadonlyMap<string, string>, typeOf: ColumnTypeLookup): string | undefined {
  const columnType = (column: Node | undefined) => {
    if (!column) return undefined;
    const alias = String(column['table']?.['name'] ?? (datasetOf.size === 1 ? [...datasetOf.keys()][0] : '')).toLowerCase();
    const dataset = datasetOf.get(alias);
    return dataset ? typeOf(dataset, String(column['name']['name']).toLowerCase()) : undefined;
  };
  if (expression['column']) return columnType(expression['column']);
  const [fn, body] = Object.entries(expression)[0] ?? [];
  if (fn && AGGREGATE_TYPES[fn]) return AGGREGATE_TYPES[fn];
  if (['sum', 'min', 'max'].includes(fn ?? '')) return columnType((body as Node)?.['this']?.['column']);
  return undefined;
}
