import { logger, type Tree } from '@nx/devkit';
import { tableColumnsOf, type Catalog } from '../../catalog';
import { sourceDatasetName } from '../../spec/dataset-name';
import { asOptionError, GeneratorError } from '../shared/generator-error';
import { writeValidatedSpecs } from '../shared/write-validated';
import { requireCatalog } from '../shared/require-catalog';
import { renderSpecYaml } from '../shared/spec-document';
import { specsDirOf } from '../shared/specs-dir';
import { readInputFile } from '../shared/input-file';
import { describeRenames, parseInlineColumns, specColumnName, TABLE_IMPORTERS, type ColumnDraft } from '../../importers';
import { buildSourceSpec } from './source-spec';
import { buildStagingSpec, stagingLayer } from './staging-spec';
import type { TableGeneratorSchema } from './schema';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** `nx g spec:table`: a source spec (and optionally its staging model) that validates as written. */
export async function tableGenerator(tree: Tree, options: TableGeneratorSchema): Promise<void> {
  for (const key of ['system', 'table'] as const) {
    if (!IDENTIFIER.test(options[key] ?? ''))
      throw new GeneratorError(
        'invalid-option',
        `--${key}: "${options[key] ?? ''}" must be a lower-case identifier (a letter, then letters, digits or underscores).`,
      );
  }
  // A DDL file may come with a CSV of its rows: the DDL says the columns, the CSV seeds them.
  const given = (['columns', 'ddl', 'csv'] as const).filter((k) => options[k] !== undefined && options[k] !== '');
  if (given.length === 0 || (given.length > 1 && !(given.length === 2 && options.ddl && options.csv))) {
    throw new GeneratorError(
      'invalid-option',
      given.length === 0
        ? 'Give the columns: --columns=name:TYPE,..., --ddl=<file.sql> or --csv=<file.csv> (or --ddl with --csv for its rows).'
        : `Give one of --columns, --ddl and --csv, or --ddl with --csv (got ${given.map((k) => `--${k}`).join(', ')}).`,
    );
  }
  const specsDir = specsDirOf(tree);
  const catalog = await requireCatalog(tree, specsDir);
  const constitution = catalog.constitution;

  let columns: readonly ColumnDraft[];
  let origin = '--columns';
  let ddlKey: readonly string[] = [];
  let notCarried: readonly string[] = [];
  const csvText = options.csv ? readInputFile(tree, options.csv, '--csv').text : undefined;
  if (options.columns) columns = asOptionError(() => parseInlineColumns(options.columns!));
  else {
    const format = options.ddl ? 'ddl' : 'csv';
    const file = (options.ddl ?? options.csv) as string;
    const text = format === 'ddl' ? readInputFile(tree, file, '--ddl').text : csvText!;
    // The DDL is written in the warehouse's dialect unless --dialect says otherwise.
    const table = await asOptionError(() => TABLE_IMPORTERS[format].read(text, file, options.dialect ?? constitution.dialect));
    columns = table.columns;
    ddlKey = table.primaryKey;
    notCarried = table.notCarried;
    origin = file;
  }
  if (options.ddl && csvText !== undefined) {
    const header = asOptionError(() => TABLE_IMPORTERS.csv.read(csvText, options.csv!, constitution.dialect));
    const csvNames = (await header).columns.map((c) => c.name);
    const ddlNames = columns.map((c) => c.name);
    if (csvNames.join(',') !== ddlNames.join(','))
      throw new GeneratorError(
        'invalid-option',
        `--csv: ${options.csv} has the columns ${csvNames.join(', ')}, but the DDL declares ${ddlNames.join(', ')}. The seed must hold the table's columns in its order.`,
      );
  }
  const names = columns.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new GeneratorError('invalid-option', `The column ${duplicate} appears twice.`);

  const primaryKey = options.primaryKey
    ? asOptionError(() => options.primaryKey!.split(',').map((k) => specColumnName(k, '--primaryKey')))
    : ddlKey;
  const cursor = options.cursor ? asOptionError(() => specColumnName(options.cursor!, '--cursor')) : undefined;
  for (const [flag, column] of [...primaryKey.map((k) => ['--primaryKey', k]), ...(cursor ? [['--cursor', cursor]] : [])]) {
    if (!names.includes(column))
      throw new GeneratorError('invalid-option', `${flag}: ${column} is not one of the columns (${names.join(', ')}).`);
  }
  const load = options.load ?? (cursor ? 'incremental' : 'full');
  if (load === 'incremental' && !cursor)
    throw new GeneratorError('invalid-option', '--load=incremental needs --cursor=<column>, the column that orders changes.');
  if (load === 'full' && cursor) throw new GeneratorError('invalid-option', '--cursor only applies to --load=incremental.');

  const dataset = sourceDatasetName({ system: options.system, name: options.table });
  const folder = `${specsDir}/sources/${options.system}`;
  const seed = csvText !== undefined && options.seed !== false ? `${options.table}.csv` : undefined;
  const relationships = relationshipsOf(columns, options.system, catalog);
  const source = buildSourceSpec(
    {
      system: options.system,
      table: options.table,
      connector: options.connector,
      description: options.description ?? `The ${options.table} table of ${options.system}, one row per record.`,
      owner: options.owner ?? constitution.owner,
      columns,
      primaryKey,
      load,
      cursor,
      seed,
      relationships: relationships.found,
    },
    constitution,
  );
  const sourceFile = `${folder}/${options.table}.yaml`;
  const files = new Map<string, string>([
    [sourceFile, renderSpecYaml(sourceFile, source, 'Generated by nx g spec:table; edit freely, it is yours now.')],
  ]);
  if (seed && csvText !== undefined) files.set(`${folder}/${seed}`, csvText);
  if (options.staging) {
    const layer = stagingLayer(constitution);
    const name = options.stagingName ?? `${layer.prefix}${options.table}`;
    const stagingFile = `${specsDir}/models/${layer.name}/${name}.yaml`;
    files.set(
      stagingFile,
      renderSpecYaml(
        stagingFile,
        buildStagingSpec(source, dataset, constitution, name),
        'Generated by nx g spec:table --staging from the constitution.',
      ),
    );
  }
  await writeValidatedSpecs(tree, specsDir, files, options.force === true);
  for (const file of files.keys()) logger.info(`spec:table: ${file}`);
  // A name the input cannot keep is changed, and said so: a DDL column "id; DROP TABLE x" must not become id_drop_table_x unseen.
  for (const line of describeRenames(columns, origin)) logger.warn(`spec:table: ${line}`);
  for (const line of [...notCarried, ...relationships.missing]) logger.warn(`spec:table: ${line}`);
}

/**
 * REFERENCES t(c) names a table of the same system: the relationships test points at its
 * dataset, <system>_<t>. A dataset not in the catalog yet cannot be tested against (the
 * spec would not validate), so that test is reported instead of written.
 */
function relationshipsOf(
  columns: readonly ColumnDraft[],
  system: string,
  catalog: Catalog,
): { found: ReadonlyMap<string, { to: string; field: string }>; missing: string[] } {
  const found = new Map<string, { to: string; field: string }>();
  const missing: string[] = [];
  for (const column of columns) {
    if (!column.references) continue;
    const to = sourceDatasetName({ system, name: column.references.table });
    const dataset = catalog.sources.find((s) => s.name === to) ?? catalog.models.find((m) => m.name === to);
    if (dataset && tableColumnsOf(dataset).some((c) => c.name === column.references!.column))
      found.set(column.name, { to, field: column.references.column });
    else
      missing.push(
        `${column.name} REFERENCES ${column.references.table}(${column.references.column}): no relationships test written, since ${to}.${column.references.column} is not in the catalog; onboard ${column.references.table} first, or add the test by hand.`,
      );
  }
  return { found, missing };
}

export default tableGenerator;
