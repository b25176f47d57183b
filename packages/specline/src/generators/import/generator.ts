import { logger, type Tree } from '@nx/devkit';
import type { Diagnostic } from '../../diagnostics';
import { asOptionError, GeneratorError } from '../shared/generator-error';
import { writeFilesGuarded } from '../shared/guarded-write';
import { readInputFile } from '../shared/input-file';
import { requireCatalog } from '../shared/require-catalog';
import { renderSpecYaml } from '../shared/spec-document';
import { specsDirOf } from '../shared/specs-dir';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { formatDataType, type Catalog } from '../../catalog';
import {
  modelImporterFor,
  readDbtProject,
  toModelSpec,
  type ConvertedModel,
  type ImportContext,
  type ImportNote,
  type ParsedModels,
} from '../../importers';
import { parseExpression, resultKind } from '../../sql';
import { readDbtFolder } from './dbt-folder';
import type { ImportGeneratorSchema } from './schema';

export interface ImportReport {
  readonly written: readonly string[];
  /** The models that could not be imported; their `refused` notes say why. */
  readonly refused: readonly string[];
  /** Every piece not carried over exactly, in input order. */
  readonly notes: readonly ImportNote[];
}

/**
 * `nx g spec:import`. Nx expects a generator to return nothing or a callback to run after
 * the files are written; the callback fails the command (exit 1) when a model was not
 * imported or a placeholder is left, after the models that did import are on disk.
 */
export async function importGenerator(tree: Tree, options: ImportGeneratorSchema): Promise<(() => void) | undefined> {
  const report = await importModels(tree, options);
  const todos = report.notes.filter((note) => note.effect === 'todo').length;
  if (report.refused.length === 0 && todos === 0) return undefined;
  return () => {
    const failure = new GeneratorError(
      'invalid-spec',
      `spec:import: ${[
        report.refused.length ? `${report.refused.length} model(s) not imported (${report.refused.join(', ')})` : '',
        todos ? `${todos} TODO(s) to write before the specs validate` : '',
      ]
        .filter(Boolean)
        .join(' and ')}; see the report above.`,
    );
    // The report above is the explanation; without a stack Nx does not offer one with --verbose.
    failure.stack = undefined;
    throw failure;
  };
}

/**
 * Imports model by model: each model that maps and validates is written under
 * specs/models/<layer>/<name>.yaml; each that does not is reported with the place in the
 * input and the reason. The report of every piece not carried over exactly is always
 * printed. A placeholder becomes a TODO that fails validation (TODO001), so its model is
 * written for a person to finish. With --strict nothing is written if anything is left out,
 * left as a TODO or refused; pieces carried over in another form (`changed`) are no loss.
 */
export async function importModels(tree: Tree, options: ImportGeneratorSchema): Promise<ImportReport> {
  checkInputOptions(options);
  const specsDir = specsDirOf(tree);
  const catalog = await requireCatalog(tree, specsDir);
  const { parsed, sourceName } = readModels(tree, options, catalog);
  const converted = parsed.models.map((model) => toModelSpec(model, importContextOf(catalog)));
  const notes: ImportNote[] = [...parsed.notes];
  const extra = new Map<ConvertedModel, ImportNote[]>(converted.map((model) => [model, []]));
  const fileOf = (model: ConvertedModel) => `${specsDir}/models/${model.layer}/${model.name}.yaml`;
  const seen = new Set<string>();
  for (const model of converted) {
    if (model.spec && seen.has(fileOf(model)))
      extra
        .get(model)!
        .push({ origin: model.origin, effect: 'refused', text: model.name, reason: 'a second model of this name; names must be unique' });
    seen.add(fileOf(model));
  }
  const isAccepted = (model: ConvertedModel) => model.spec !== undefined && !extra.get(model)!.some((n) => n.effect === 'refused');
  const files = new Map(
    converted
      .filter(isAccepted)
      .map((model) => [fileOf(model), renderSpecYaml(fileOf(model), model.spec!, `Imported by nx g spec:import from ${sourceName}.`)]),
  );
  const previous = new Map([...files.keys()].map((file) => [file, tree.exists(file) ? tree.read(file) : null]));
  writeFilesGuarded(tree, files, options.force === true);
  await refuseWhatDoesNotValidate(tree, specsDir, converted.filter(isAccepted), fileOf, extra);

  const written = converted.filter(isAccepted).map(fileOf);
  for (const model of converted) notes.push(...model.notes, ...extra.get(model)!);
  notes.sort((a, b) => compareOrigins(a.origin, b.origin));
  const refused = converted.filter((model) => !isAccepted(model)).map((model) => model.name || model.origin);
  // The tree keeps the imported files only; with --strict and a loss, none of them.
  const losses = notes.filter((note) => note.effect !== 'changed');
  const kept = options.strict && losses.length > 0 ? [] : written;
  for (const [file, content] of previous) {
    if (kept.includes(file)) continue;
    if (content === null) tree.delete(file);
    else tree.write(file, content);
  }
  if (kept !== written)
    throw new GeneratorError(
      'invalid-spec',
      `Nothing was written: --strict refuses any loss, and ${losses.length} piece(s) were left out, left as TODO or refused:\n${formatNotes(losses)}`,
    );
  for (const file of written) logger.info(`spec:import: wrote ${file}`);
  logger.info(summary(converted.length, written.length, notes));
  if (notes.length > 0) logger.warn(formatNotes(notes));
  return { written, refused, notes };
}

/** What a model's conversion may take from the catalog: its layers, owner and rules, and the inputs' columns. */
function importContextOf(catalog: Catalog): ImportContext {
  const { constitution } = catalog;
  return {
    layers: constitution.layers,
    owner: constitution.owner,
    requiredFields: constitution.requiredFields,
    inputColumn(dataset, name) {
      const column = catalog.datasets.get(dataset)?.columns.find((c) => c.name === name);
      return column && { type: formatDataType(column.type), pii: column.pii === true };
    },
    transformKind(transform, from) {
      const parsed = parseExpression(from ? transform.split('{from}').join(from) : transform, constitution.dialect, 'transform');
      return parsed.ok ? resultKind(parsed.expression.ast) : undefined;
    },
  };
}

/** What can be said about --input and --dbt before anything is read. */
function checkInputOptions(options: ImportGeneratorSchema): void {
  if (options.dbt !== undefined && options.input !== undefined)
    throw new GeneratorError('invalid-option', 'Give --input (a requirements file) or --dbt (a dbt project), not both.');
  if (options.dbt === undefined && !modelImporterFor(options.input ?? ''))
    throw new GeneratorError(
      'invalid-option',
      `--input: ${options.input || '(none)'} must be a .md requirements file or a spec.json file (or give --dbt=<dbt project folder>).`,
    );
}

/** The models the input describes: a requirements file (--input) or a dbt project (--dbt). */
function readModels(tree: Tree, options: ImportGeneratorSchema, catalog: Catalog): { parsed: ParsedModels; sourceName: string } {
  if (options.dbt !== undefined) {
    const project = readDbtFolder(tree, options.dbt);
    const typeOf = (dataset: string, column: string) => {
      const found = catalog.datasets.get(dataset)?.columns.find((c) => c.name === column);
      return found ? formatDataType(found.type) : undefined;
    };
    const parsed = readDbtProject(project.files, `${options.dbt.replace(/\/+$/, '')}/`, typeOf);
    if (parsed.models.length === 0)
      throw new GeneratorError('invalid-option', `--dbt: ${options.dbt} has no models (no .sql files under models/).`);
    return { parsed, sourceName: project.name };
  }
  const input = options.input ?? '';
  const importer = modelImporterFor(input)!;
  const source = readInputFile(tree, input, '--input');
  // Messages name the file as the user typed it; the specs only record source.name.
  const parsed = asOptionError(() => importer.read(source.text, input));
  if (parsed.models.length === 0)
    throw new GeneratorError(
      'invalid-option',
      `--input: ${input} holds no models (expected ${importer.expected}).${parsed.notes.length ? `\n${formatNotes(parsed.notes)}` : ''}`,
    );
  return { parsed, sourceName: source.name };
}

/**
 * Loads the catalog with the imported models in place and takes out every model with an
 * error other than a placeholder's TODO001, reporting each error at the place in the input
 * the spec field came from; repeats, since a model taken out may be one another reads.
 */
async function refuseWhatDoesNotValidate(
  tree: Tree,
  specsDir: string,
  models: readonly ConvertedModel[],
  fileOf: (model: ConvertedModel) => string,
  extra: Map<ConvertedModel, ImportNote[]>,
): Promise<void> {
  let remaining = [...models];
  for (;;) {
    const { diagnostics } = await loadTreeCatalog(tree, specsDir);
    const errorsOf = (model: ConvertedModel): Diagnostic[] =>
      diagnostics.filter(
        (d) =>
          d.severity === 'error' &&
          d.code !== 'TODO001' &&
          (d.location.file === fileOf(model) || (d.related ?? []).some((place) => place.file === fileOf(model))),
      );
    const failing = remaining.filter((model) => errorsOf(model).length > 0);
    if (failing.length === 0) return;
    for (const model of failing) {
      for (const d of errorsOf(model))
        extra.get(model)!.push({
          origin: d.location.file === fileOf(model) ? model.originOf(d.pointer ?? '') : model.origin,
          effect: 'refused',
          text: '',
          reason: `${d.code}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`,
        });
      tree.delete(fileOf(model));
    }
    remaining = remaining.filter((model) => !failing.includes(model));
  }
}

/** Input order: `file:12` before `file:100`, `#/models/2/...` before `#/models/10`; ties keep the order found. */
function compareOrigins(a: string, b: string): number {
  const parts = (origin: string) => origin.split(/[:#/]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (typeof x[i] === 'number' && typeof y[i] === 'number') return (x[i] as number) - (y[i] as number);
    return String(x[i]) < String(y[i]) ? -1 : 1;
  }
  return x.length - y.length;
}

function summary(models: number, written: number, notes: readonly ImportNote[]): string {
  const count = (effect: ImportNote['effect']) => notes.filter((note) => note.effect === effect).length;
  return `spec:import: ${written} of ${models} model(s) imported; ${count('refused')} reason(s) a model was refused, ${count('todo')} TODO(s), ${count('changed')} piece(s) changed, ${count('unmapped')} left out.`;
}

/** One line per note: where in the input, what happened, why, and the text as written. */
export function formatNotes(notes: readonly ImportNote[]): string {
  return notes.map((note) => `  ${note.origin}: ${note.effect}: ${note.reason}${note.text ? ` [${note.text}]` : ''}`).join('\n');
}

export default importGenerator;
