import { importPlaceholder, isImportPlaceholder, type Layer } from '../catalog';
import { readAggregateFormula } from './aggregate-formula';
import { parseColumnTests } from './column-tests';
import type { ImportedModel, ImportedRow, ImportNote } from './imported-model';
import { listOf, loadAndConstraints, SETTING_FIELDS, textOf } from './model-settings';
import { isPlaceholder, isSqlPlaceholder } from './placeholder';

const AGGREGATES = ['sum', 'count', 'count_distinct', 'min', 'max', 'avg', 'any_value'];
const JOIN_TYPES: Readonly<Record<string, string>> = {
  inner: 'inner',
  left: 'left',
  left_outer: 'left',
  right: 'right',
  right_outer: 'right',
  full: 'full',
  full_outer: 'full',
  outer: 'full',
  cross: 'cross',
};
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
const JOIN_KEYS = ['left_table', 'right_table', 'type', 'condition', 'table', 'on', 'rationale'];
const FILTER_KEYS = ['applies_to', 'predicate', 'rationale', 'table', 'condition'];
const MODEL_FIELDS = ['layer', 'description', 'owner', 'tags', ...SETTING_FIELDS];
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** What the generator needs from the workspace to convert a model. */
export interface ImportContext {
  /** The constitution's layers: the layer of a model is the one whose naming pattern its name matches. */
  readonly layers: readonly Pick<Layer, 'name' | 'pattern' | 'schema'>[];
  /** The constitution's owner, for a model the input names none for (the brief's formats have no owner). */
  readonly owner?: string;
  /** The constitution's required fields: a required description the input lacks becomes a TODO to write. */
  readonly requiredFields?: readonly string[];
  /** A column of a dataset the catalog already has: its type and PII flag, for a column the input gives neither. */
  inputColumn?(dataset: string, column: string): { readonly type: string; readonly pii: boolean } | undefined;
  /** What a transform certainly yields, as the SQL says (undefined when only inference could tell). */
  transformKind?(transform: string, from: string | undefined): 'string' | 'number' | 'boolean' | undefined;
}

export interface ConvertedModel {
  readonly origin: string;
  readonly name: string;
  readonly layer: string;
  /** Undefined when the model cannot be imported: its `refused` notes say why. */
  readonly spec?: Record<string, unknown>;
  readonly notes: readonly ImportNote[];
  /** Where in the input a place of the spec (a JSON pointer) came from, for validation errors. */
  originOf(pointer: string): string;
}

interface Input {
  readonly ref: string;
  readonly alias: string;
  readonly origin: string;
  filter?: string;
  rationale?: string;
}

/**
 * One imported model to a model spec object. Nothing is dropped without a note: a piece
 * our format has no place for is `unmapped`, one carried over in another form is
 * `changed`, a placeholder becomes a TODO that fails validation, and a piece whose loss
 * would change the rows (a join, a filter, a column) refuses the whole model.
 */
export function toModelSpec(model: ImportedModel, context: ImportContext): ConvertedModel {
  const notes: ImportNote[] = [...model.notes];
  const places: [string, string][] = [['', model.origin]];
  const refuse = (origin: string, text: string, reason: string) => notes.push({ origin, effect: 'refused', text, reason });
  const name = model.name ?? '';
  if (!IDENTIFIER.test(name)) refuse(model.origin, name, 'a model name is a lower-case identifier (a letter, then letters, digits or _)');
  const layer = layerOf(model, context, refuse);

  // Sources: the table as written (raw.billing_accounts), its name (billing_accounts) and
  // its alias all name the same input; without an alias the name is the alias.
  const inputs: Input[] = [];
  const aliasOf = new Map<string, string>();
  const written = model.sources.length > 0 ? model.sources : sourcesFromTables(model, notes);
  for (const source of written) {
    const ref = source.table.split('.').pop()!.toLowerCase();
    const alias = (source.alias ?? ref).toLowerCase();
    if (isPlaceholder(source.table)) {
      refuse(source.origin, source.table, 'a placeholder where a source table belongs');
      continue;
    }
    if (inputs.some((input) => input.alias === alias)) {
      refuse(
        source.origin,
        source.table,
        `the alias ${alias} is used twice; give each reading of a table its own alias (schema.table AS alias)`,
      );
      continue;
    }
    inputs.push({ ref, alias, origin: source.origin });
    for (const key of [source.table.toLowerCase(), ref, alias]) if (!aliasOf.has(key)) aliasOf.set(key, alias);
  }
  if (inputs.length === 0 && written.length === 0)
    refuse(model.origin, name, 'no Sources line, and no from_table to take the sources from');
  const inputOf = (table: unknown) =>
    aliasOf.get(
      String(table ?? '')
        .trim()
        .toLowerCase()
        .replace(/^`|`$/g, ''),
    );
  const sql = (text: string) => qualifyByAlias(text, written, aliasOf);

  const joins = convertJoins(model.joins, inputs, inputOf, sql, notes, refuse);
  for (const filter of model.filters) convertFilter(filter, inputs, inputOf, sql, notes, refuse);
  // The input joined first is the FROM: the one no join brings in, then the joined ones in join order.
  const joined = joins.map((join) => join.alias);
  const ordered = [
    ...inputs.filter((input) => !joined.includes(input.alias)),
    ...joined.flatMap((alias) => inputs.filter((i) => i.alias === alias)),
  ];
  ordered.forEach((input) => places.push([`/sources/${ordered.indexOf(input)}`, input.origin]));
  joins.forEach((join, i) => places.push([`/joins/${i}`, join.origin]));

  const columns = model.column_mapping.map((row, i) => {
    places.push([`/columns/${i}`, row.origin]);
    return convertColumn(row, inputs, inputOf, sql, notes, refuse);
  });
  // Facts the input leaves out are taken from the inputs' specs (after aggregates are known).
  model.column_mapping.forEach((row, i) => completeColumn(columns[i], row, inputs, context, notes));
  for (const aggregation of model.aggregations) {
    const target = columns.find((c) => c['name'] === textOf(aggregation.values['metric_column']));
    const fn = textOf(aggregation.values['type'])?.toLowerCase();
    if (!target || !fn || !AGGREGATES.includes(fn))
      refuse(
        aggregation.origin,
        JSON.stringify(aggregation.values),
        target ? `the aggregation type must be one of ${AGGREGATES.join(', ')}` : 'the metric column is not in the column mapping',
      );
    else target['aggregate'] = fn;
  }
  let groupBy = model.group_by ? listOf(model.group_by.value) : [];
  if (groupBy.length === 0 && columns.some((c) => c['aggregate'])) {
    groupBy = columns.filter((c) => !c['aggregate']).map((c) => String(c['name']));
    notes.push({
      origin: model.origin,
      effect: 'changed',
      text: `group_by: [${groupBy.join(', ')}]`,
      reason: 'aggregates without a group-by: the model is grouped by its columns that are not aggregated',
    });
  }

  const spec: Record<string, unknown> = { kind: 'model', name, layer };
  const schema = model.schema && !isPlaceholder(model.schema) ? model.schema.toLowerCase() : undefined;
  if (schema && schema !== context.layers.find((l) => l.name === layer)?.schema) spec['schema'] = schema;
  for (const key of ['description', 'owner'] as const) {
    const field = model.fields[key];
    const value = textOf(field?.value);
    if (field && value && !isPlaceholder(value)) spec[key] = value;
    else if (field)
      notes.push({ origin: field.origin, effect: 'unmapped', text: `${key}: ${String(field.value)}`, reason: 'a placeholder; left out' });
  }
  if (spec['owner'] === undefined && context.owner) {
    spec['owner'] = context.owner;
    notes.push({
      origin: model.origin,
      effect: 'changed',
      text: `owner: ${context.owner}`,
      reason: "no owner given; the constitution's owner",
    });
  }
  if (spec['description'] === undefined && context.requiredFields?.includes('description')) {
    spec['description'] = importPlaceholder(`say what one row of ${name} means and who uses it`);
    notes.push({
      origin: model.origin,
      effect: 'todo',
      text: 'description',
      reason: 'no description given and the constitution requires one; a TODO stands in',
    });
  }
  const tags = model.fields['tags'] ? listOf(model.fields['tags'].value) : [];
  if (tags.length) spec['tags'] = tags;
  spec['sources'] = ordered.map((input) => ({
    ref: input.ref,
    alias: input.alias,
    ...(input.filter !== undefined ? { filter: input.filter } : {}),
    ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
  }));
  if (joins.length) spec['joins'] = joins.map(({ origin: _origin, ...join }) => join);
  if (groupBy.length) spec['group_by'] = groupBy;
  const { load, constraints } = loadAndConstraints({
    fields: model.fields,
    origin: model.origin,
    columns: columns.map((c) => String(c['name'])),
    notes,
    refuse,
  });
  if (load) spec['load'] = load;
  if (constraints) spec['constraints'] = constraints;
  spec['columns'] = columns;
  for (const [key, field] of Object.entries(model.fields))
    if (!MODEL_FIELDS.includes(key))
      notes.push({
        origin: field.origin,
        effect: 'unmapped',
        text: `${key}: ${JSON.stringify(field.value)}`,
        reason: 'not a field of a model spec',
      });

  const refused = notes.some((note) => note.effect === 'refused');
  const sorted = places.sort((a, b) => b[0].length - a[0].length);
  return {
    origin: model.origin,
    name,
    layer,
    spec: refused ? undefined : spec,
    notes,
    originOf: (pointer) => sorted.find(([prefix]) => pointer === prefix || pointer.startsWith(`${prefix}/`))?.[1] ?? model.origin,
  };
}

function layerOf(model: ImportedModel, context: ImportContext, refuse: (origin: string, text: string, reason: string) => void): string {
  const given = textOf(model.fields['layer']?.value)?.toLowerCase();
  if (given) return given;
  const name = model.name ?? '';
  const layer = context.layers.find((l) => new RegExp(l.pattern).test(name));
  if (layer) return layer.name;
  refuse(
    model.origin,
    name,
    `no layer's naming pattern matches the name (${context.layers.map((l) => `${l.name}: ${l.pattern}`).join('; ')}); rename the model or add a Layer: line`,
  );
  return '';
}

/** Without a Sources line the tables named in the mapping and the joins are the sources, in order of mention. */
function sourcesFromTables(model: ImportedModel, notes: ImportNote[]): { origin: string; table: string; alias?: string }[] {
  const tables: { origin: string; table: string }[] = [];
  const add = (row: ImportedRow, key: string) => {
    const table = textOf(row.values[key]);
    if (table && !tables.some((t) => t.table === table)) tables.push({ origin: row.origin, table });
  };
  for (const join of model.joins) ['left_table', 'right_table', 'table'].forEach((key) => add(join, key));
  for (const row of model.column_mapping) add(row, 'from_table');
  if (tables.length)
    notes.push({
      origin: model.origin,
      effect: 'changed',
      text: `sources: ${tables.map((t) => t.table).join(', ')}`,
      reason: 'no Sources line; the tables the joins and the column mapping name are the sources',
    });
  return tables;
}

/**
 * Rewrites column references qualified by a table as written (`raw.billing_accounts.id`,
 * `billing_accounts.id`) to the alias the spec gives that input. Only identifiers outside
 * string literals change.
 */
function qualifyByAlias(text: string, sources: readonly { table: string }[], aliasOf: ReadonlyMap<string, string>): string {
  const names = [...new Set(sources.flatMap((s) => [s.table.toLowerCase(), s.table.split('.').pop()!.toLowerCase()]))]
    .filter((n) => aliasOf.get(n) !== n || n.includes('.'))
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const escaped = names.map((n) => n.replace(/[.]/g, '\\.'));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.])(${escaped.join('|')})\\.(?=[A-Za-z_])`, 'gi');
  return text
    .split(/('(?:[^']|'')*')/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(pattern, (_m, name: string) => `${aliasOf.get(name.toLowerCase())}.`)))
    .join('');
}

type Refuse = (origin: string, text: string, reason: string) => void;

function convertJoins(
  rows: readonly ImportedRow[],
  inputs: readonly Input[],
  inputOf: (table: unknown) => string | undefined,
  sql: (text: string) => string,
  notes: ImportNote[],
  refuse: Refuse,
): (Record<string, unknown> & { alias: string; origin: string })[] {
  const inScope = new Set<string>();
  return rows.flatMap((row) => {
    const v = row.values;
    const rightTable = textOf(v['right_table'] ?? v['table']);
    const leftTable = textOf(v['left_table']);
    const alias = inputOf(rightTable);
    const typeText = textOf(v['type'])
      ?.toLowerCase()
      .replace(/\s+join$/, '')
      .replace(/\s+/g, '_');
    const type = typeText ? JOIN_TYPES[typeText] : undefined;
    const condition = textOf(v['condition'] ?? v['on']);
    const shown = JSON.stringify(v);
    unknownKeys(row, JOIN_KEYS, 'not a join field', notes);
    if (!alias) return (refuse(row.origin, shown, `the joined table ${rightTable ?? '(none)'} is not among the Sources`), []);
    const left = leftTable === undefined ? undefined : inputOf(leftTable);
    if (leftTable !== undefined && !left) return (refuse(row.origin, shown, `the left table ${leftTable} is not among the Sources`), []);
    if (inScope.size === 0) inScope.add(left ?? inputs.find((i) => i.alias !== alias)?.alias ?? '');
    if (left && !inScope.has(left))
      return (refuse(row.origin, shown, `the left table ${leftTable} is joined only later; list the joins in the order they apply`), []);
    inScope.add(alias);
    if (!type) return (refuse(row.origin, shown, `the join type ${typeText ?? '(none)'} is not INNER, LEFT, RIGHT, FULL or CROSS`), []);
    const out: Record<string, unknown> & { alias: string; origin: string } = { origin: row.origin, type, alias };
    if (condition !== undefined && type === 'cross')
      return (refuse(row.origin, shown, 'a CROSS join has no condition; make it INNER or drop the condition'), []);
    if (condition === undefined && type !== 'cross') return (refuse(row.origin, shown, 'the join has no condition'), []);
    if (condition !== undefined && isSqlPlaceholder(condition)) {
      out['on'] = importPlaceholder(condition);
      notes.push({
        origin: row.origin,
        effect: 'todo',
        text: condition,
        reason: 'the join condition is a placeholder or cut short; a TODO stands in',
      });
    } else if (condition !== undefined) out['on'] = sql(condition);
    if (textOf(v['rationale'])) out['rationale'] = textOf(v['rationale']);
    return [out];
  });
}

function convertFilter(
  row: ImportedRow,
  inputs: Input[],
  inputOf: (table: unknown) => string | undefined,
  sql: (text: string) => string,
  notes: ImportNote[],
  refuse: Refuse,
): void {
  const v = row.values;
  const table = textOf(v['applies_to'] ?? v['table']);
  const predicate = textOf(v['predicate'] ?? v['condition']);
  const rationale = textOf(v['rationale']);
  unknownKeys(row, FILTER_KEYS, 'not a filter field', notes);
  const input = inputs.find((i) => i.alias === inputOf(table));
  if (!input) return refuse(row.origin, JSON.stringify(v), `the filter applies to ${table ?? '(nothing)'}, which is not among the Sources`);
  if (predicate === undefined) return refuse(row.origin, JSON.stringify(v), 'the filter has no predicate');
  let filter = sql(predicate);
  if (isSqlPlaceholder(predicate)) {
    filter = importPlaceholder(predicate);
    notes.push({
      origin: row.origin,
      effect: 'todo',
      text: predicate,
      reason: 'the predicate is a placeholder or cut short; a TODO stands in',
    });
  }
  if (input.filter !== undefined) {
    notes.push({
      origin: row.origin,
      effect: 'changed',
      text: predicate,
      reason: `a second filter on ${table}; both are kept, joined with AND`,
    });
    input.filter = `(${input.filter}) AND (${filter})`;
    input.rationale = [input.rationale, rationale].filter(Boolean).join(' ') || undefined;
  } else {
    input.filter = filter;
    input.rationale = rationale;
  }
}

function convertColumn(
  row: ImportedRow,
  inputs: readonly Input[],
  inputOf: (table: unknown) => string | undefined,
  sql: (text: string) => string,
  notes: ImportNote[],
  refuse: Refuse,
): Record<string, unknown> {
  const v = row.values;
  const name = textOf(v['target_column']) ?? '';
  const out: Record<string, unknown> = { name };
  if (!IDENTIFIER.test(name)) refuse(row.origin, name, 'the target column is not a lower-case identifier');
  const type = textOf(v['type']);
  // Without a type, completeColumn takes it from the input column or the transform.
  if (type && !isPlaceholder(type)) out['type'] = type.toUpperCase().replace(/\s+/g, '');
  const table = textOf(v['from_table']);
  const fromColumn = textOf(v['from_column']);
  const transform = textOf(v['transform']);
  let alias = table === undefined ? undefined : inputOf(table);
  if (table === undefined && fromColumn !== undefined && inputs.length === 1) alias = inputs[0].alias;
  if (table !== undefined && !alias && !isPlaceholder(table)) refuse(row.origin, table, `from_table ${table} is not among the Sources`);
  const todo = (text: string, reason: string) => {
    out['transform'] = importPlaceholder(text);
    notes.push({ origin: row.origin, effect: 'todo', text, reason });
  };
  if ((table !== undefined && isPlaceholder(table)) || (fromColumn !== undefined && isPlaceholder(fromColumn)))
    todo(`${table ?? ''}.${fromColumn ?? ''}`, `${name}: the source column is a placeholder; a TODO transform stands in`);
  else if (alias && fromColumn) out['from'] = `${alias}.${fromColumn.toLowerCase()}`;
  else if (table !== undefined && fromColumn === undefined && transform === undefined)
    refuse(row.origin, name, `${name} names a from_table but no from_column or transform`);
  if (transform !== undefined && out['transform'] === undefined) convertTransform(transform, out, alias, row, sql, notes, refuse, todo);
  if (out['from'] === undefined && out['transform'] === undefined && !notes.some((n) => n.origin === row.origin && n.effect === 'refused'))
    refuse(row.origin, name, `${name} has no from_table/from_column and no transform`);
  const nullable = textOf(v['nullable'])?.toLowerCase();
  if (v['nullable'] === false || ['false', 'no', 'n', 'not null'].includes(nullable ?? '')) out['nullable'] = false;
  else if (nullable !== undefined && !['true', 'yes', 'y', 'null'].includes(nullable))
    notes.push({
      origin: row.origin,
      effect: 'unmapped',
      text: `nullable: ${String(v['nullable'])}`,
      reason: 'nullable must be yes or no; left as nullable',
    });
  const description = textOf(v['description']);
  if (description && !isPlaceholder(description)) out['description'] = description;
  else if (description)
    notes.push({
      origin: row.origin,
      effect: 'unmapped',
      text: description,
      reason: `${name}: the description is a placeholder; left out`,
    });
  const pii = textOf(v['pii'])?.toLowerCase();
  if (v['pii'] === true || pii === 'yes' || pii === 'true') out['pii'] = true;
  else if (v['pii'] === false || pii === 'no' || pii === 'false') out['pii'] = false;
  else if (pii !== undefined) notes.push({ origin: row.origin, effect: 'unmapped', text: `pii: ${pii}`, reason: 'pii must be yes or no' });
  const glossary = textOf(v['glossary']);
  if (glossary && !isPlaceholder(glossary)) out['glossary'] = glossary;
  const tests = parseColumnTests(v['tests'], row.origin, notes);
  if (tests.length > 0) out['tests'] = tests;
  unknownKeys(row, COLUMN_KEYS, 'not a column mapping field', notes);
  return out;
}

/** A transform as written: SQL with {from}, a placeholder, or an aggregate formula such as SUM(amount). */
function convertTransform(
  transform: string,
  out: Record<string, unknown>,
  alias: string | undefined,
  row: ImportedRow,
  sql: (text: string) => string,
  notes: ImportNote[],
  refuse: Refuse,
  todo: (text: string, reason: string) => void,
): void {
  if (isSqlPlaceholder(transform)) return todo(transform, `${String(out['name'])}: the transform is a placeholder; a TODO stands in`);
  const formula = readAggregateFormula(transform);
  if (formula.kind === 'nested')
    return refuse(
      row.origin,
      transform,
      `${formula.function} inside a larger expression: a column aggregates one expression (SUM(x)); compute the rest in a model downstream`,
    );
  if (formula.kind === 'none') {
    if (transform !== '{from}') out['transform'] = sql(transform);
    return;
  }
  out['aggregate'] = formula.aggregate;
  // SUM(amount) with a from_table and no from_column aggregates that table's column.
  if (out['from'] === undefined && alias && /^[a-z][a-z0-9_]*$/i.test(formula.argument))
    out['from'] = `${alias}.${formula.argument.toLowerCase()}`;
  const from = out['from'] as string | undefined;
  const column = from?.split('.')[1];
  const argument = formula.argument;
  const readsFrom =
    argument === '{from}' || (column !== undefined && (argument.toLowerCase() === column || sql(argument).toLowerCase() === from));
  if (argument === '*') out['transform'] = '1';
  else if (!readsFrom) out['transform'] = sql(argument);
  notes.push({
    origin: row.origin,
    effect: 'changed',
    text: transform,
    reason: `the formula is read as aggregate: ${formula.aggregate}${out['transform'] ? ` of ${String(out['transform'])}` : ''}`,
  });
}

function unknownKeys(row: ImportedRow, known: readonly string[], reason: string, notes: ImportNote[]): void {
  for (const [key, value] of Object.entries(row.values))
    if (!known.includes(key) && textOf(value) !== undefined)
      notes.push({ origin: row.origin, effect: 'unmapped', text: `${key}: ${String(value)}`, reason });
}

const NUMERIC_TYPES = /^(INT64|INTEGER|BIGINT|SMALLINT|FLOAT64|DOUBLE|NUMERIC|BIGNUMERIC|DECIMAL)/;

/**
 * The type and PII flag of a column whose row gives none, from what it reads: a count is
 * INT64; a column read as is (or summed, min or max) has its input's type; a transform has the
 * kind its SQL certainly yields, else its input's type; STRING only when nothing tells. Every
 * fact taken so is reported as changed, with where it came from. The PII flag of an input
 * column carries over, so personal data stays flagged through the import.
 */
function completeColumn(
  out: Record<string, unknown>,
  row: ImportedRow,
  inputs: readonly Input[],
  context: ImportContext,
  notes: ImportNote[],
): void {
  const name = String(out['name']);
  const from = out['from'] as string | undefined;
  const [alias, column] = from?.split('.') ?? [];
  const ref = inputs.find((input) => input.alias === alias)?.ref;
  const input = ref && column ? context.inputColumn?.(ref, column) : undefined;
  const read = `${ref}.${column}`;
  if (out['type'] === undefined) {
    const aggregate = out['aggregate'] as string | undefined;
    const transform = out['transform'] as string | undefined;
    const kind = transform && !isImportPlaceholder(transform) ? context.transformKind?.(transform, from) : undefined;
    const [type, why] = ((): [string, string] => {
      if (aggregate === 'count' || aggregate === 'count_distinct') return ['INT64', 'a count'];
      if (aggregate === 'avg') return ['FLOAT64', 'an average'];
      if (kind === 'string') return ['STRING', 'what the transform yields'];
      if (kind === 'boolean') return ['BOOL', 'what the transform yields'];
      if (kind === 'number')
        return input && NUMERIC_TYPES.test(input.type) ? [input.type, `a number, as ${read}`] : ['FLOAT64', 'a number'];
      if (input && transform === undefined) return [input.type, `the type of ${read}`];
      if (input) return [input.type, `the type of ${read}, which the transform reads; check it`];
      return ['STRING', 'STRING assumed'];
    })();
    out['type'] = type;
    // Keep the spec's key order: name, type, then the rest.
    const { name: _name, type: _type, ...rest } = out;
    for (const key of Object.keys(rest)) delete out[key];
    Object.assign(out, rest);
    notes.push({ origin: row.origin, effect: 'changed', text: `${name}: ${type}`, reason: `no type given; ${why}` });
  }
  if (out['pii'] === undefined && input?.pii) {
    out['pii'] = true;
    notes.push({ origin: row.origin, effect: 'changed', text: `${name}: pii`, reason: `no pii given; ${read} is personal data` });
  }
  if (out['description'] === undefined && context.requiredFields?.includes('column_description')) {
    out['description'] = importPlaceholder(`say what ${name} holds`);
    notes.push({
      origin: row.origin,
      effect: 'todo',
      text: `${name}: description`,
      reason: 'the constitution requires column descriptions; a TODO stands in',
    });
  }
}
