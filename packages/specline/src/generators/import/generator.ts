import { logger, type Tree } from '@nx/devkit';
import { asOptionError, GeneratorError } from '../shared/generator-error';
import { readInputFile } from '../shared/input-file';
import { renderSpecYaml } from '../shared/spec-document';
import { specsDirOf } from '../shared/specs-dir';
import { writeValidatedSpecs } from '../shared/write-validated';
import { modelImporterFor, toModelSpec, type Unmapped } from '../../importers';
import type { ImportGeneratorSchema } from './schema';

export interface ImportReport {
  readonly written: readonly string[];
  readonly unmapped: readonly Unmapped[];
}

/**
 * `nx g spec:import`. The output depends only on the input text: models are written in input
 * order under specs/models/<layer>/<name>.yaml, and every piece that did not map is listed
 * with its origin, so nothing is dropped without a word.
 */
export async function importGenerator(tree: Tree, options: ImportGeneratorSchema): Promise<ImportReport> {
  const input = options.input ?? '';
  const importer = modelImporterFor(input);
  if (!importer)
    throw new GeneratorError('invalid-option', `--input: ${input || '(none)'} must be a .md requirements file or a spec.json file.`);
  const source = readInputFile(tree, input, '--input');
  // Messages name the file as the user typed it; the specs only record source.name.
  const parsed = asOptionError(() => importer.read(source.text, input));
  if (parsed.models.length === 0)
    throw new GeneratorError('invalid-option', `--input: ${input} holds no models (expected ${importer.expected}).`);
  const specsDir = specsDirOf(tree);
  const files = new Map<string, string>();
  const unmapped: Unmapped[] = [...parsed.unmapped];
  for (const model of parsed.models) {
    const converted = toModelSpec(model);
    unmapped.push(...converted.unmapped);
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(converted.name) || !/^[a-z][a-z0-9_]{0,62}$/.test(converted.layer)) {
      throw new GeneratorError(
        'invalid-option',
        `${model.origin}: a model needs a lower-case name and a layer (got name "${converted.name}", layer "${converted.layer}").`,
      );
    }
    const file = `${specsDir}/models/${converted.layer}/${converted.name}.yaml`;
    if (files.has(file))
      throw new GeneratorError('invalid-option', `${model.origin}: a second model named ${converted.name}; names must be unique.`);
    files.set(file, renderSpecYaml(file, converted.spec, `Imported by nx g spec:import from ${source.name}.`));
  }
  if (options.strict && unmapped.length > 0) {
    throw new GeneratorError(
      'invalid-spec',
      `Nothing was written: ${unmapped.length} piece(s) could not be mapped (--strict):\n${formatUnmapped(unmapped)}`,
    );
  }
  await writeValidatedSpecs(tree, specsDir, files, options.force === true);
  for (const file of files.keys()) logger.info(`spec:import: ${file}`);
  if (unmapped.length > 0)
    logger.warn(
      `spec:import: ${unmapped.length} piece(s) could not be mapped; add them to the specs by hand:\n${formatUnmapped(unmapped)}`,
    );
  return { written: [...files.keys()], unmapped };
}

export function formatUnmapped(unmapped: readonly Unmapped[]): string {
  return unmapped.map((u) => `  ${u.origin}: ${u.reason}${u.text ? `: ${u.text}` : ''}`).join('\n');
}

export default importGenerator;
