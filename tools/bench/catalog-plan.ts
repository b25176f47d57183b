/**
 * The shape of a synthetic catalog, independent of how it is written: the same plan becomes
 * Specline specs (spec-files.ts) and a hand-built Dataform project (dataform-files.ts), so
 * both sides of the benchmark describe the same tables, columns, joins and filters.
 * Seeded, so the same N always gives byte-identical catalogs.
 */

export type ColumnType = 'INT64' | 'STRING' | 'NUMERIC(18,2)' | 'FLOAT64' | 'TIMESTAMP' | 'DATE' | 'BOOL';
export type Aggregate = 'sum' | 'count' | 'count_distinct' | 'min' | 'max';
export type Layer = 'staging' | 'intermediate' | 'marts';

export interface PlannedColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** alias.column of the input it derives from (models only). */
  readonly from?: string;
  /** Expression with {from} standing for the input column, in BigQuery SQL. */
  readonly transform?: string;
  readonly aggregate?: Aggregate;
  readonly nullable: boolean;
  /** For CASE mappings: the values an accepted_values test allows. */
  readonly acceptedValues?: readonly string[];
  /** A non-negativity expression test holds by construction (ABS). */
  readonly nonNegative?: boolean;
  readonly unique?: boolean;
  readonly glossary?: string;
  readonly description: string;
}

export interface PlannedSource {
  readonly kind: 'source';
  readonly system: string;
  readonly table: string;
  /** The Nx project and dataset name: <system>_<table>. */
  readonly name: string;
  readonly primaryKey: string;
  /** Columns holding another entity's key: column name = that entity's primary key. */
  readonly foreignKeys: readonly string[];
  readonly columns: readonly PlannedColumn[];
}

export interface PlannedInput {
  readonly ref: string;
  readonly alias: string;
  readonly filter?: string;
}

export interface PlannedModel {
  readonly kind: 'model';
  readonly name: string;
  readonly layer: Layer;
  readonly inputs: readonly PlannedInput[];
  /** A left join of the second input on a key column. */
  readonly join?: { readonly alias: string; readonly on: string; readonly leftColumn: string; readonly rightColumn: string };
  readonly groupBy?: readonly string[];
  readonly load: {
    readonly strategy: 'view' | 'table' | 'incremental' | 'scd2';
    readonly key: readonly string[];
    readonly cursor?: string;
    readonly tracked?: readonly string[];
  };
  readonly primaryKey: string;
  readonly foreignKeys: readonly string[];
  readonly columns: readonly PlannedColumn[];
}

export interface CatalogPlan {
  readonly specCount: number;
  readonly sources: readonly PlannedSource[];
  readonly models: readonly PlannedModel[];
  readonly terms: readonly string[];
}

const NOUNS = [
  'account',
  'order',
  'invoice',
  'shipment',
  'product',
  'ticket',
  'payment',
  'contract',
  'store',
  'campaign',
  'supplier',
  'refund',
];
const STRING_ATTRIBUTES = ['status', 'category', 'region', 'code', 'label', 'channel', 'tier', 'source_system', 'currency', 'segment'];
const NUMBER_ATTRIBUTES = ['amount', 'quantity', 'price', 'discount', 'tax', 'cost', 'balance', 'weight'];

/** mulberry32: tiny, fast and seedable; Math.random is neither reproducible nor seedable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plans N spec files: a constitution, a glossary, then about 20% sources, as many staging
 * models (one per source), 40% intermediate and 20% marts models.
 */
export function planCatalog(specCount: number, seed = 7): CatalogPlan {
  if (specCount < 12) throw new Error(`planCatalog: N=${specCount} is too small; use at least 12 specs.`);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const datasets = specCount - 2;
  const sourceCount = Math.max(2, Math.round(datasets * 0.2));
  const martCount = Math.max(2, Math.round(datasets * 0.2));
  const intermediateCount = datasets - 2 * sourceCount - martCount;

  const sources: PlannedSource[] = [];
  for (let index = 0; index < sourceCount; index++) {
    const system = `sys_${String(Math.floor(index / 25)).padStart(3, '0')}`;
    const table = `${NOUNS[index % NOUNS.length]}_${String(index).padStart(5, '0')}`;
    const primaryKey = `${table}_id`;
    // Keys of up to two earlier entities, near in the list so the DAG stays local and layered.
    const foreignKeys = [
      ...new Set([1, 2].filter(() => index > 0 && next() < 0.85).map(() => sources[Math.max(0, index - between(1, 20))].primaryKey)),
    ];
    const columns: PlannedColumn[] = [
      {
        name: primaryKey,
        type: 'INT64',
        nullable: false,
        unique: true,
        glossary: NOUNS[index % NOUNS.length],
        description: `Key of the ${table} record.`,
      },
      ...foreignKeys.map((key): PlannedColumn => ({
        name: key,
        type: 'INT64',
        nullable: true,
        description: `The ${key.replace(/_id$/, '')} this record belongs to.`,
      })),
    ];
    const width = between(10, 30) - columns.length - 2;
    for (let k = 0; k < width; k++) {
      const kind = k % 4 === 0 || k % 4 === 2 ? 'string' : k % 4 === 1 ? 'number' : next() < 0.5 ? 'date' : 'flag';
      const suffix = Math.floor(k / 4) || '';
      if (kind === 'string')
        columns.push({
          name: `${STRING_ATTRIBUTES[(k + index) % STRING_ATTRIBUTES.length]}${suffix}`,
          type: 'STRING',
          nullable: true,
          description: 'A free-text attribute as the source system holds it.',
        });
      else if (kind === 'number')
        columns.push({
          name: `${NUMBER_ATTRIBUTES[(k + index) % NUMBER_ATTRIBUTES.length]}${suffix}`,
          type: 'NUMERIC(18,2)',
          nullable: true,
          description: 'A monetary or quantity figure; may be negative after corrections.',
        });
      else if (kind === 'date')
        columns.push({ name: `booked_on${suffix}`, type: 'DATE', nullable: true, description: 'The business date of the record.' });
      else
        columns.push({ name: `is_flagged${suffix}`, type: 'BOOL', nullable: true, description: 'Whether an operator flagged the record.' });
    }
    columns.push({ name: 'created_at', type: 'TIMESTAMP', nullable: false, description: 'When the record was created.' });
    columns.push({ name: 'updated_at', type: 'TIMESTAMP', nullable: false, description: 'When the record last changed.' });
    sources.push({ kind: 'source', system, table, name: `${system}_${table}`, primaryKey, foreignKeys, columns: dedupe(columns) });
  }

  const models: PlannedModel[] = [];
  const stagingOf = new Map<string, PlannedModel>();
  for (const source of sources) {
    const model = stagingModel(source, next);
    models.push(model);
    stagingOf.set(source.primaryKey, model);
  }
  // Row-level models (not aggregates) are what later layers read and join.
  const pool: PlannedModel[] = [...models];
  const build = (layer: Layer, name: string, shape: 'join' | 'aggregate' | 'scd2'): PlannedModel => {
    // Half the time a recent model, so the graph gets deep; otherwise any, so joins stay possible.
    const recent = pool.slice(Math.max(0, pool.length - 60));
    for (let attempt = 0; attempt < 100; attempt++) {
      const primary = pick(next() < 0.5 ? recent : pool);
      const lookupKeys = primary.foreignKeys.filter(
        (key) =>
          stagingOf.has(key) &&
          stagingOf.get(key) !== primary &&
          !primary.columns.some((c) => c.name !== key && c.name.startsWith(`${entityOf(key)}_`)),
      );
      if (shape === 'join' && lookupKeys.length > 0) {
        const key = pick(lookupKeys);
        return joinModel(layer, name, primary, stagingOf.get(key)!, key, next);
      }
      if (shape === 'aggregate' && primary.foreignKeys.length > 0) return aggregateModel(layer, name, primary, pick(primary.foreignKeys));
      if (shape === 'scd2') return scd2Model(name, primary, next);
    }
    // No join or aggregate found (rare): a dimension is always possible.
    return scd2Model(name, pick(pool), next);
  };
  for (let index = 0; index < intermediateCount; index++) {
    const model = build('intermediate', `int_${String(index).padStart(5, '0')}`, next() < 0.75 ? 'join' : 'aggregate');
    models.push(model);
    if (!model.groupBy) pool.push(model);
  }
  for (let index = 0; index < martCount; index++) {
    const roll = next();
    const shape = roll < 0.3 ? 'scd2' : roll < 0.8 ? 'join' : 'aggregate';
    const prefix = shape === 'scd2' ? 'dim' : shape === 'join' ? 'fact' : 'agg';
    models.push(build('marts', `${prefix}_${String(index).padStart(5, '0')}`, shape));
  }
  return { specCount, sources, models, terms: NOUNS };
}

function entityOf(key: string): string {
  return key.replace(/_id$/, '');
}

/** Keys and timestamps always, other columns at random, at least 10 and at most `most`. */
function carry(primary: PlannedModel, most: number, next: () => number): PlannedColumn[] {
  const required = (c: PlannedColumn) => c.name === primary.primaryKey || primary.foreignKeys.includes(c.name) || c.type === 'TIMESTAMP';
  const chosen = new Set(primary.columns.filter((c) => required(c) || next() < 0.7));
  for (const column of primary.columns) if (chosen.size < 10) chosen.add(column);
  return primary.columns.filter((c) => chosen.has(c)).slice(0, most);
}

function dedupe(columns: PlannedColumn[]): PlannedColumn[] {
  const seen = new Set<string>();
  return columns.filter((column) => !seen.has(column.name) && !!seen.add(column.name));
}

/** Cleans every column of one source: trims text, maps a category, rounds amounts. */
function stagingModel(source: PlannedSource, next: () => number): PlannedModel {
  let mapped = false;
  const columns = source.columns.map((column): PlannedColumn => {
    const from = `s.${column.name}`;
    const base = {
      name: column.name,
      type: column.type,
      from,
      nullable: column.nullable,
      unique: column.unique,
      glossary: column.glossary,
    };
    if (column.type === 'STRING' && !mapped) {
      mapped = true;
      return {
        ...base,
        name: `${column.name}_group`,
        transform: `CASE LOWER(TRIM({from})) WHEN 'new' THEN 'open' WHEN 'open' THEN 'open' WHEN 'closed' THEN 'closed' ELSE 'other' END`,
        nullable: false,
        acceptedValues: ['open', 'closed', 'other'],
        description: `The ${column.name} mapped to a small set of groups; unknown values become other.`,
      };
    }
    if (column.type === 'STRING')
      return { ...base, transform: "NULLIF(TRIM({from}), '')", description: `${column.description} Trimmed; empty becomes NULL.` };
    if (column.type === 'NUMERIC(18,2)')
      return {
        ...base,
        transform: 'ABS(ROUND({from}, 2))',
        nonNegative: true,
        description: 'Rounded to cents, sign dropped (corrections are booked separately).',
      };
    return { ...base, description: column.description };
  });
  const filtered = next() < 0.3;
  const incremental = next() < 0.3;
  return {
    kind: 'model',
    name: `stg_${source.name}`,
    layer: 'staging',
    inputs: [{ ref: source.name, alias: 's', filter: filtered ? 'created_at IS NOT NULL' : undefined }],
    load: incremental
      ? { strategy: 'incremental', key: [source.primaryKey], cursor: 'updated_at' }
      : { strategy: 'view', key: [source.primaryKey] },
    primaryKey: source.primaryKey,
    foreignKeys: source.foreignKeys,
    columns,
  };
}

/** The primary input's rows with a few lookup columns from a joined staging model. */
function joinModel(layer: Layer, name: string, primary: PlannedModel, lookup: PlannedModel, key: string, next: () => number): PlannedModel {
  const keyColumn = key;
  const prefix = entityOf(key);
  const carried = carry(primary, 22, next);
  const columns: PlannedColumn[] = carried.map((c) => ({
    name: c.name,
    type: c.type,
    from: `p.${c.name}`,
    nullable: c.nullable,
    unique: c.name === primary.primaryKey,
    acceptedValues: c.acceptedValues,
    description: `${c.description}`,
  }));
  const looked = lookup.columns.filter((c) => c.name !== keyColumn && (c.type === 'STRING' || c.type === 'NUMERIC(18,2)')).slice(0, 4);
  for (const c of looked)
    columns.push({
      name: `${prefix}_${c.name}`,
      type: c.type,
      from: `l.${c.name}`,
      nullable: true,
      acceptedValues: c.acceptedValues,
      description: `The ${prefix} ${c.name}, looked up by key.`,
    });
  const amount = primary.columns.find((c) => c.type === 'NUMERIC(18,2)');
  if (amount)
    columns.push({
      name: `${amount.name}_band_${name.slice(-5)}`,
      type: 'STRING',
      from: `p.${amount.name}`,
      transform: "CASE WHEN {from} >= 1000 THEN 'high' WHEN {from} >= 100 THEN 'medium' ELSE 'low' END",
      nullable: false,
      acceptedValues: ['high', 'medium', 'low'],
      description: `Size band of the ${amount.name}.`,
    });
  const cursor = columns.some((c) => c.name === 'updated_at') ? 'updated_at' : undefined;
  const strategy = layer === 'marts' && cursor ? 'incremental' : next() < 0.5 ? 'table' : 'view';
  return {
    kind: 'model',
    name,
    layer,
    inputs: [
      { ref: primary.name, alias: 'p', filter: next() < 0.3 ? `p.${primary.primaryKey} IS NOT NULL` : undefined },
      { ref: lookup.name, alias: 'l' },
    ],
    join: { alias: 'l', on: `p.${keyColumn} = l.${keyColumn}`, leftColumn: keyColumn, rightColumn: keyColumn },
    load: { strategy, key: [primary.primaryKey], cursor: strategy === 'incremental' ? cursor : undefined },
    primaryKey: primary.primaryKey,
    foreignKeys: primary.foreignKeys.filter((k) => columns.some((c) => c.name === k)),
    columns: dedupe(columns),
  };
}

/** One row per foreign key value: counts, sums and first/last timestamps. */
function aggregateModel(layer: Layer, name: string, primary: PlannedModel, key: string): PlannedModel {
  const columns: PlannedColumn[] = [
    { name: key, type: 'INT64', from: `p.${key}`, nullable: false, unique: true, description: 'The key rows are grouped by.' },
    {
      name: 'row_count',
      type: 'INT64',
      from: `p.${primary.primaryKey}`,
      aggregate: 'count',
      nullable: false,
      description: 'Rows per key.',
    },
  ];
  for (const c of primary.columns.filter((c) => c.type === 'NUMERIC(18,2)').slice(0, 4)) {
    columns.push({
      name: `total_${c.name}`,
      type: 'NUMERIC(18,2)',
      from: `p.${c.name}`,
      aggregate: 'sum',
      nullable: true,
      description: `Sum of ${c.name}.`,
    });
    columns.push({
      name: `max_${c.name}`,
      type: 'NUMERIC(18,2)',
      from: `p.${c.name}`,
      aggregate: 'max',
      nullable: true,
      description: `Largest ${c.name}.`,
    });
    columns.push({
      name: `min_${c.name}`,
      type: 'NUMERIC(18,2)',
      from: `p.${c.name}`,
      aggregate: 'min',
      nullable: true,
      description: `Smallest ${c.name}.`,
    });
  }
  columns.push({
    name: 'distinct_rows',
    type: 'INT64',
    from: `p.${primary.primaryKey}`,
    aggregate: 'count_distinct',
    nullable: false,
    description: 'Distinct primary rows per key.',
  });
  for (const c of primary.columns.filter((c) => c.type === 'TIMESTAMP' || c.type === 'DATE')) {
    columns.push({
      name: `first_${c.name}`,
      type: c.type,
      from: `p.${c.name}`,
      aggregate: 'min',
      nullable: true,
      description: `Earliest ${c.name}.`,
    });
    columns.push({
      name: `last_${c.name}`,
      type: c.type,
      from: `p.${c.name}`,
      aggregate: 'max',
      nullable: true,
      description: `Latest ${c.name}.`,
    });
  }
  return {
    kind: 'model',
    name,
    layer,
    inputs: [{ ref: primary.name, alias: 'p', filter: `p.${key} IS NOT NULL` }],
    groupBy: [key],
    load: { strategy: 'table', key: [key] },
    primaryKey: key,
    foreignKeys: [],
    columns: dedupe(columns).slice(0, 30),
  };
}

/** A dimension keeping history of a row-level model's tracked attributes. */
function scd2Model(name: string, primary: PlannedModel, next: () => number): PlannedModel {
  const carried = carry(primary, 24, next);
  const columns: PlannedColumn[] = carried.map((c) => ({
    name: c.name,
    type: c.type,
    from: `p.${c.name}`,
    nullable: c.nullable,
    acceptedValues: c.acceptedValues,
    description: c.description,
  }));
  const tracked = columns
    .filter((c) => c.name !== primary.primaryKey && c.name !== 'updated_at' && c.name !== 'created_at')
    .slice(0, 4)
    .map((c) => c.name);
  return {
    kind: 'model',
    name,
    layer: 'marts',
    inputs: [{ ref: primary.name, alias: 'p' }],
    load: {
      strategy: 'scd2',
      key: [primary.primaryKey],
      tracked: tracked.length > 0 ? tracked : [columns[columns.length - 1].name],
      cursor: columns.some((c) => c.name === 'updated_at') ? 'updated_at' : undefined,
    },
    primaryKey: primary.primaryKey,
    foreignKeys: [],
    columns,
  };
}
