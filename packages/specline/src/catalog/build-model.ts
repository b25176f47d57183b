import { didYouMean } from '../diagnostics';
import type { SpecDocument } from '../spec/read';
import type { ModelSpec } from '../spec/types';
import { buildColumnBase, checkDuplicateColumns } from './build-columns';
import { buildDedupe, buildHaving, buildWhere, type RowSelectionContext } from './build-row-selection';
import { DEFAULT_SCHEDULE } from './build-constitution';
import type { DatasetShapes } from './dataset-shapes';
import { scd2ColumnNames } from './dataset-shapes';
import type { DiagnosticSink } from './diagnostic-sink';
import type { LoadedSpec } from '../spec/loaded-spec';
import type {
  Constitution,
  Join,
  LoadStrategy,
  Model,
  ModelColumn,
  ModelInput,
  ModelTest,
  OutputColumn,
  SqlFragment,
  UnitTest,
} from './nodes';
import { hasFromPlaceholder, parseFragment } from './sql-fragments';

interface Context {
  readonly sink: DiagnosticSink;
  readonly doc: SpecDocument;
  readonly spec: ModelSpec;
  readonly constitution: Constitution;
  readonly shapes: DatasetShapes;
  /** alias -> the columns of the dataset it names (undefined when the ref did not resolve). */
  readonly aliases: Map<string, ReadonlySet<string> | undefined>;
}

export function buildModel(
  sink: DiagnosticSink,
  { doc, spec }: LoadedSpec<ModelSpec>,
  constitution: Constitution,
  shapes: DatasetShapes,
): Model {
  const context: Context = { sink, doc, spec, constitution, shapes, aliases: new Map() };
  const inputs = buildInputs(context);
  const joins = buildJoins(context);
  checkDuplicateColumns(sink, doc, spec.columns);
  const columns = spec.columns.map((_, i) => buildColumn(context, i)).filter((c): c is ModelColumn => c !== undefined);
  // The model's own shape (only specs that claimed their name are built): every output column the spec
  // declares, resolved or not, so a broken column is reported once, not again by each key that names it.
  const outputNames = shapes.get(spec.name)!.columns;
  const checkOutput = (pointer: string, name: string, role: string) => {
    if (!outputNames.has(name))
      sink.error(
        'REF006',
        doc,
        pointer,
        `The ${role} "${name}" is not an output column of this model.`,
        `${didYouMean(name, outputNames)}Use one of: ${[...outputNames].join(', ')}.`,
      );
  };
  checkGrouping(context, checkOutput);
  const selection: RowSelectionContext = {
    sink,
    doc,
    spec,
    dialect: constitution.dialect,
    columns,
    checkInputRefs: (fragment) => checkColumnRefs(context, fragment, context.aliases),
  };
  const where = buildWhere(selection);
  const having = buildHaving(selection);
  const dedupe = buildDedupe(selection);
  const load = buildLoad(context, checkOutput, columns);
  const constraints = spec.constraints ?? {};
  (constraints.primary_key ?? []).forEach((key, i) => checkOutput(`/constraints/primary_key/${i}`, key, 'primary key column'));
  if (constraints.partition_by) {
    checkOutput('/constraints/partition_by/column', constraints.partition_by.column, 'partition column');
    const partitioned = columns.find((column) => column.name === constraints.partition_by!.column);
    // Warehouses partition by time units here (BigQuery's TIMESTAMP/DATE/DATETIME_TRUNC); an integer range needs a different spec.
    if (partitioned && !['DATE', 'TIMESTAMP', 'DATETIME'].includes(partitioned.type.name)) {
      sink.error(
        'MODEL006',
        doc,
        '/constraints/partition_by/column',
        `The partition column "${partitioned.name}" is ${partitioned.type.name}; partitions are by DATE, TIMESTAMP or DATETIME.`,
        'Partition by a date or time column, or remove partition_by.',
      );
    }
  }
  (constraints.cluster_by ?? []).forEach((key, i) => checkOutput(`/constraints/cluster_by/${i}`, key, 'cluster column'));
  const tests = buildModelTests(context, checkOutput);
  const unitTests = buildUnitTests(context, outputNames);
  const layer = constitution.layers.find((l) => l.name === spec.layer);
  const outputColumns = [
    ...columns.map(({ name, type, nullable }): OutputColumn => Object.freeze({ name, type, nullable })),
    ...(load.strategy === 'scd2' ? historyColumns(load) : []),
  ];
  return Object.freeze({
    kind: 'model',
    name: spec.name,
    file: doc.file,
    layer: spec.layer,
    schema: spec.schema ?? layer?.schema ?? spec.layer,
    description: spec.description,
    owner: spec.owner,
    tags: spec.tags ?? [],
    inputs,
    joins,
    columns,
    outputColumns,
    where,
    groupBy: spec.group_by ?? [],
    having,
    dedupe,
    load,
    primaryKey: constraints.primary_key ?? defaultPrimaryKey(load),
    partitionBy: constraints.partition_by && {
      column: constraints.partition_by.column,
      granularity: constraints.partition_by.granularity ?? 'day',
    },
    clusterBy: constraints.cluster_by ?? [],
    orchestration: {
      schedule: spec.orchestration?.schedule ?? constitution.schedule ?? DEFAULT_SCHEDULE,
      retries: spec.orchestration?.retries ?? 0,
      retryDelay: spec.orchestration?.retry_delay,
      sla: spec.orchestration?.sla,
    },
    targets: spec.targets ?? constitution.targets,
    warehouse: spec.warehouse ?? constitution.warehouse,
    tests,
    unitTests,
    location: doc.positions.locate(''),
    pointer: '',
  });
}

/** What scd2 adds to the declared columns: when a version began, when it ended (NULL while current), and whether it is current. */
function historyColumns(load: Extract<LoadStrategy, { strategy: 'scd2' }>): OutputColumn[] {
  return [
    Object.freeze<OutputColumn>({ name: load.validFrom, type: { name: 'TIMESTAMP' }, nullable: false }),
    Object.freeze<OutputColumn>({ name: load.validTo, type: { name: 'TIMESTAMP' }, nullable: true }),
    Object.freeze<OutputColumn>({ name: load.isCurrent, type: { name: 'BOOL' }, nullable: false }),
  ];
}

function defaultPrimaryKey(load: LoadStrategy): readonly string[] {
  if (load.strategy === 'incremental') return load.uniqueKey;
  if (load.strategy === 'scd2') return [...load.naturalKey, load.validFrom];
  return [];
}

function buildInputs({ sink, doc, spec, constitution, shapes, aliases }: Context): ModelInput[] {
  return spec.sources.flatMap((input, i) => {
    const pointer = `/sources/${i}`;
    if (aliases.has(input.alias)) {
      const first = spec.sources.findIndex((s) => s.alias === input.alias);
      sink.error(
        'REF005',
        doc,
        `${pointer}/alias`,
        `The alias "${input.alias}" is already used by another input.`,
        'Give each input its own alias.',
        [doc.positions.locate(`/sources/${first}/alias`)],
      );
      return [];
    }
    const shape = shapes.get(input.ref);
    if (!shape) {
      sink.error(
        'REF001',
        doc,
        `${pointer}/ref`,
        `"${input.ref}" is not a known source or model.`,
        `${didYouMean(input.ref, shapes.keys())}Sources are named <system>_<table>, e.g. crm_customers; models by their name.`,
      );
    } else if (input.ref === spec.name) {
      sink.error(
        'GRAPH001',
        doc,
        `${pointer}/ref`,
        `The model "${spec.name}" reads itself.`,
        'A model cannot be its own input; read the upstream dataset instead.',
      );
    }
    aliases.set(input.alias, shape?.columns);
    const filter =
      input.filter === undefined ? undefined : parseFragment(sink, doc, `${pointer}/filter`, input.filter, constitution.dialect, 'filter');
    if (filter) checkColumnRefs({ sink, doc, spec, constitution, shapes, aliases }, filter, new Map([[input.alias, shape?.columns]]));
    if (input.filter !== undefined && input.rationale === undefined) {
      sink.warning(
        'RULE001',
        doc,
        `${pointer}/filter`,
        'The filter has no rationale.',
        'Add rationale: why these rows are dropped, for reviewers and agents.',
      );
    }
    return [
      Object.freeze({
        alias: input.alias,
        ref: input.ref,
        filter,
        rationale: input.rationale,
        location: doc.positions.locate(pointer),
        pointer,
      }),
    ];
  });
}

function buildJoins(context: Context): Join[] {
  const { sink, doc, spec, constitution, aliases } = context;
  const joined = new Set<string>([spec.sources[0].alias]);
  const joins = (spec.joins ?? []).flatMap((join, i) => {
    const pointer = `/joins/${i}`;
    if (!aliases.has(join.alias)) {
      sink.error(
        'REF002',
        doc,
        `${pointer}/alias`,
        `The join names the alias "${join.alias}", which no input declares.`,
        `${didYouMean(join.alias, aliases.keys())}Declare it under sources, or use one of: ${[...aliases.keys()].join(', ')}.`,
      );
      return [];
    }
    if (joined.has(join.alias)) {
      sink.error(
        'MODEL004',
        doc,
        `${pointer}/alias`,
        `The alias "${join.alias}" is joined twice, or is the first input (the FROM).`,
        'Join each input after the first exactly once.',
      );
      return [];
    }
    joined.add(join.alias);
    let on: SqlFragment | undefined;
    if (join.type === 'cross') {
      if (join.on !== undefined)
        sink.error('MODEL004', doc, `${pointer}/on`, 'A cross join takes no condition.', 'Remove on, or use an inner join.');
    } else if (join.on === undefined) {
      sink.error('MODEL004', doc, pointer, `A ${join.type} join needs an on condition.`, 'Add on, e.g. c.customer_id = a.customer_id.');
    } else {
      on = parseFragment(sink, doc, `${pointer}/on`, join.on, constitution.dialect, 'join_condition');
      // A join condition may use the inputs joined so far and the one being joined.
      if (on) checkColumnRefs(context, on, new Map([...joined].map((alias) => [alias, aliases.get(alias)])));
    }
    return [
      Object.freeze({
        type: join.type,
        alias: join.alias,
        on,
        rationale: join.rationale,
        location: doc.positions.locate(pointer),
        pointer,
      }),
    ];
  });
  spec.sources.forEach((input, i) => {
    if (!joined.has(input.alias) && aliases.has(input.alias)) {
      sink.error(
        'MODEL004',
        doc,
        `/sources/${i}/alias`,
        `The input "${input.alias}" is never joined.`,
        `Add a join for "${input.alias}" (inner, left, right, full or cross), or remove the input.`,
      );
    }
  });
  return joins;
}

function buildColumn(context: Context, i: number): ModelColumn | undefined {
  const { sink, doc, spec, constitution, aliases } = context;
  const column = spec.columns[i];
  const pointer = `/columns/${i}`;
  let from: ModelColumn['from'];
  if (column.from !== undefined) {
    const [alias, name] = column.from.split('.');
    from = { alias, column: name };
    if (!aliases.has(alias)) {
      sink.error(
        'REF002',
        doc,
        `${pointer}/from`,
        `"${column.from}" names the alias "${alias}", which no input declares.`,
        `${didYouMean(alias, aliases.keys())}Use one of: ${[...aliases.keys()].join(', ')}.`,
      );
      return undefined;
    }
    const columns = aliases.get(alias);
    if (columns && !columns.has(name)) {
      const ref = spec.sources.find((s) => s.alias === alias)!.ref;
      sink.error(
        'REF003',
        doc,
        `${pointer}/from`,
        `"${ref}" has no column "${name}".`,
        `${didYouMean(name, columns)}Columns of ${ref}: ${[...columns].join(', ')}.`,
      );
      return undefined;
    }
  }
  if (column.transform === undefined && column.from === undefined) {
    sink.error(
      'MODEL005',
      doc,
      pointer,
      `The column "${column.name}" has neither from nor transform.`,
      'Add from: alias.column, or a transform expression.',
    );
    return undefined;
  }
  if (column.transform !== undefined && hasFromPlaceholder(column.transform) && column.from === undefined) {
    sink.error(
      'MODEL005',
      doc,
      `${pointer}/transform`,
      'The transform uses {from} but the column has no from.',
      'Add from: alias.column, or write the column reference in the transform.',
    );
    return undefined;
  }
  const written = column.transform ?? column.from!;
  const expression = parseFragment(
    sink,
    doc,
    column.transform === undefined ? `${pointer}/from` : `${pointer}/transform`,
    written,
    constitution.dialect,
    'transform',
    column.from,
  );
  if (!expression) return undefined;
  checkColumnRefs(context, expression, aliases);
  if (expression.parsed.hasAggregate && column.aggregate === undefined) {
    sink.error(
      'MODEL001',
      doc,
      `${pointer}/transform`,
      'The transform aggregates rows; aggregation is declared, not written into transforms.',
      'Move the aggregate into aggregate: (sum, count, …) and list the grouping columns in group_by.',
    );
  }
  return Object.freeze({
    ...buildColumnBase(sink, doc, pointer, column, constitution.dialect),
    from,
    transform: column.transform,
    expression,
    aggregate: column.aggregate,
  });
}

/** Every column a fragment names must exist on an input it may see; unqualified names must be unambiguous. */
function checkColumnRefs(
  { sink, doc, spec }: Context,
  fragment: SqlFragment,
  visible: ReadonlyMap<string, ReadonlySet<string> | undefined>,
): void {
  for (const ref of fragment.parsed.columns) {
    if (ref.table !== undefined) {
      if (!visible.has(ref.table)) {
        sink.error(
          'REF002',
          doc,
          fragment.pointer,
          `"${ref.table}.${ref.name}" names the alias "${ref.table}", which is not visible here.`,
          `${didYouMean(ref.table, visible.keys())}Visible aliases: ${[...visible.keys()].join(', ')}.`,
        );
        continue;
      }
      const columns = visible.get(ref.table);
      if (columns && !columns.has(ref.name)) {
        const input = spec.sources.find((s) => s.alias === ref.table)?.ref ?? ref.table;
        sink.error(
          'REF003',
          doc,
          fragment.pointer,
          `"${input}" has no column "${ref.name}".`,
          `${didYouMean(ref.name, columns)}Columns of ${input}: ${[...columns].join(', ')}.`,
        );
      }
      continue;
    }
    const owners = [...visible.entries()].filter(([, columns]) => columns === undefined || columns.has(ref.name));
    if (owners.length === 0) {
      const all = [...visible.values()].flatMap((c) => [...(c ?? [])]);
      sink.error(
        'REF003',
        doc,
        fragment.pointer,
        `No input has a column "${ref.name}".`,
        `${didYouMean(ref.name, all)}Qualify columns with their alias, e.g. ${[...visible.keys()][0] ?? 'c'}.${ref.name}.`,
      );
    } else if (owners.length > 1 && owners.every(([, columns]) => columns !== undefined)) {
      sink.error(
        'REF003',
        doc,
        fragment.pointer,
        `The column "${ref.name}" is ambiguous: ${owners.map(([a]) => a).join(' and ')} both have it.`,
        `Qualify it, e.g. ${owners[0][0]}.${ref.name}.`,
      );
    }
  }
}

function checkGrouping({ sink, doc, spec }: Context, checkOutput: (pointer: string, name: string, role: string) => void): void {
  const groupBy = spec.group_by ?? [];
  groupBy.forEach((name, i) => checkOutput(`/group_by/${i}`, name, 'group-by column'));
  const aggregated = spec.columns.filter((c) => c.aggregate !== undefined);
  if (aggregated.length > 0 && groupBy.length === 0) {
    const i = spec.columns.indexOf(aggregated[0]);
    sink.error(
      'MODEL001',
      doc,
      `/columns/${i}/aggregate`,
      `The column "${aggregated[0].name}" is aggregated but the model has no group_by.`,
      'Add group_by with the columns that identify each output row.',
    );
  }
  if (groupBy.length > 0) {
    spec.columns.forEach((column, i) => {
      if (column.aggregate === undefined && !groupBy.includes(column.name)) {
        sink.error(
          'MODEL002',
          doc,
          `/columns/${i}`,
          `The column "${column.name}" is neither in group_by nor aggregated.`,
          `Add "${column.name}" to group_by, or give it an aggregate.`,
        );
      }
      if (column.aggregate !== undefined && groupBy.includes(column.name)) {
        sink.error(
          'MODEL002',
          doc,
          `/columns/${i}/aggregate`,
          `The column "${column.name}" is both grouped and aggregated.`,
          'Remove it from group_by, or drop its aggregate.',
        );
      }
    });
  }
}

function buildLoad(
  { sink, doc, spec }: Context,
  checkOutput: (pointer: string, name: string, role: string) => void,
  columns: readonly ModelColumn[],
): LoadStrategy {
  const load = spec.load ?? { strategy: 'table' as const };
  const declared = new Set(spec.columns.map((c) => c.name));
  const keys = (field: 'unique_key' | 'natural_key' | 'tracked_columns', role: string): readonly string[] => {
    const value = load[field] ?? [];
    value.forEach((key, i) => checkOutput(`/load/${field}/${i}`, key, role));
    return value;
  };
  const misplaced = (fields: readonly (keyof NonNullable<ModelSpec['load']>)[]) => {
    for (const field of fields) {
      if (load[field] !== undefined)
        sink.error(
          'MODEL003',
          doc,
          `/load/${field}`,
          `${field} does not apply to the ${load.strategy} strategy.`,
          `Remove ${field}, or change the strategy.`,
        );
    }
  };
  switch (load.strategy) {
    case 'table':
    case 'view':
      misplaced([
        'unique_key',
        'cursor',
        'natural_key',
        'tracked_columns',
        'updated_at',
        'valid_from',
        'valid_to',
        'is_current',
        'on_delete',
      ]);
      return { strategy: load.strategy };
    case 'incremental': {
      misplaced(['natural_key', 'tracked_columns', 'updated_at', 'valid_from', 'valid_to', 'is_current', 'on_delete']);
      if (!load.unique_key)
        sink.error(
          'MODEL003',
          doc,
          '/load',
          'An incremental model needs a unique_key.',
          'Add load.unique_key: the columns rows are merged on.',
        );
      if (load.cursor) checkOutput('/load/cursor', load.cursor, 'cursor');
      if (spec.columns.some((column) => column.aggregate !== undefined)) {
        // Each run merges rows computed from the new input rows only: a SUM would overwrite the full total.
        sink.error(
          'MODEL003',
          doc,
          '/load/strategy',
          'An incremental model cannot aggregate: each run would replace totals with totals over the new rows only.',
          'Use strategy: table for the aggregate, or aggregate in a table model downstream of an incremental one.',
        );
      }
      const first = spec.sources[0].alias;
      const cursorColumn = load.cursor === undefined ? undefined : columns.find((column) => column.name === load.cursor);
      if (cursorColumn && cursorColumn.expression.parsed.columns.some((ref) => ref.table !== undefined && ref.table !== first)) {
        // The cursor filter runs inside the first input's CTE, before any join.
        sink.error(
          'MODEL003',
          doc,
          '/load/cursor',
          `The cursor "${load.cursor}" is computed from a joined input; incremental loads select new rows of the first input ("${first}").`,
          `Use a cursor column that reads only ${first}.*, e.g. ${first}.updated_at.`,
        );
      }
      return { strategy: 'incremental', uniqueKey: keys('unique_key', 'unique key column'), cursor: load.cursor };
    }
    case 'scd2': {
      misplaced(['unique_key', 'cursor']);
      if (!load.natural_key)
        sink.error(
          'MODEL003',
          doc,
          '/load',
          'An scd2 model needs a natural_key.',
          'Add load.natural_key: the business key whose history is kept.',
        );
      if (!load.tracked_columns)
        sink.error(
          'MODEL003',
          doc,
          '/load',
          'An scd2 model needs tracked_columns.',
          'Add load.tracked_columns: the columns whose change opens a new version.',
        );
      const [validFrom, validTo, isCurrent] = scd2ColumnNames(load);
      (['valid_from', 'valid_to', 'is_current'] as const).forEach((field, i) => {
        const name = [validFrom, validTo, isCurrent][i];
        if (declared.has(name))
          sink.error(
            'MODEL003',
            doc,
            `/load/${field}`,
            `The scd2 column "${name}" is also declared under columns.`,
            `scd2 adds ${name} itself: remove it from columns, or name the ${field} column differently.`,
          );
      });
      if (load.updated_at) checkOutput('/load/updated_at', load.updated_at, 'updated_at column');
      const trackedColumns = keys('tracked_columns', 'tracked column');
      const naturalKey = keys('natural_key', 'natural key column');
      trackedColumns.forEach((name, i) => {
        if (naturalKey.includes(name))
          sink.error(
            'MODEL003',
            doc,
            `/load/tracked_columns/${i}`,
            `"${name}" is both a natural key and a tracked column.`,
            'A key does not change within its history: remove it from tracked_columns.',
          );
      });
      return {
        strategy: 'scd2',
        naturalKey,
        trackedColumns,
        updatedAt: load.updated_at,
        validFrom,
        validTo,
        isCurrent,
        onDelete: load.on_delete ?? 'ignore',
      };
    }
  }
}

function buildModelTests(
  { sink, doc, spec, constitution }: Context,
  checkOutput: (pointer: string, name: string, role: string) => void,
): ModelTest[] {
  return (spec.tests ?? []).flatMap((test, i): ModelTest[] => {
    const pointer = `/tests/${i}`;
    const located = { location: doc.positions.locate(pointer), pointer };
    if ('row_count' in test) {
      const { min, max } = test.row_count;
      if (min !== undefined && max !== undefined && min > max)
        sink.error(
          'SCHEMA007',
          doc,
          `${pointer}/row_count`,
          `row_count min ${min} is greater than max ${max}.`,
          'Swap or correct the bounds.',
        );
      return [{ kind: 'row_count', min, max, ...located }];
    }
    if ('unique_combination' in test) {
      test.unique_combination.forEach((name, k) => checkOutput(`${pointer}/unique_combination/${k}`, name, 'column'));
      return [{ kind: 'unique_combination', columns: test.unique_combination, ...located }];
    }
    const expression = parseFragment(sink, doc, `${pointer}/expression`, test.expression, constitution.dialect, 'filter');
    return expression ? [{ kind: 'expression', expression, ...located }] : [];
  });
}

function buildUnitTests({ sink, doc, spec, aliases }: Context, outputNames: ReadonlySet<string>): UnitTest[] {
  const seen = new Set<string>();
  return (spec.unit_tests ?? []).map((test, i) => {
    const pointer = `/unit_tests/${i}`;
    if (seen.has(test.name))
      sink.error(
        'NAME002',
        doc,
        `${pointer}/name`,
        `The unit test name "${test.name}" is used twice.`,
        'Give each unit test its own name.',
      );
    seen.add(test.name);
    for (const [alias, rows] of Object.entries(test.given)) {
      if (!aliases.has(alias)) {
        sink.error(
          'REF009',
          doc,
          `${pointer}/given/${alias}`,
          `The unit test gives rows for "${alias}", which is not an input alias.`,
          `${didYouMean(alias, aliases.keys())}Key given rows by alias: ${[...aliases.keys()].join(', ')}.`,
        );
        continue;
      }
      const columns = aliases.get(alias);
      rows.forEach((row, r) => {
        for (const name of Object.keys(row)) {
          if (columns && !columns.has(name))
            sink.error(
              'REF009',
              doc,
              `${pointer}/given/${alias}/${r}/${name}`,
              `The input "${alias}" has no column "${name}".`,
              `${didYouMean(name, columns)}Columns: ${[...columns].join(', ')}.`,
            );
        }
      });
    }
    test.expect.forEach((row, r) => {
      for (const name of Object.keys(row)) {
        if (!outputNames.has(name))
          sink.error(
            'REF009',
            doc,
            `${pointer}/expect/${r}/${name}`,
            `The expected row names "${name}", which is not an output column.`,
            `${didYouMean(name, outputNames)}Output columns: ${[...outputNames].join(', ')}.`,
          );
      }
    });
    return Object.freeze({
      name: test.name,
      description: test.description,
      given: test.given,
      expect: test.expect,
      ordered: test.ordered ?? false,
      location: doc.positions.locate(pointer),
      pointer,
    });
  });
}
