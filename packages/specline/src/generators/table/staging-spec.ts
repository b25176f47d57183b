import { parseDataType, type Constitution, type Layer } from '../../catalog';
import { GeneratorError } from '../shared/generator-error';

/** The staging layer is the one whose naming pattern starts with ^stg_; its prefix names the model. */
export function stagingLayer(constitution: Constitution): Layer & { readonly prefix: string } {
  for (const layer of constitution.layers) {
    const match = /^\^(stg_)/.exec(layer.pattern);
    if (match) return { ...layer, prefix: match[1] };
  }
  throw new GeneratorError(
    'invalid-option',
    `--staging: the constitution ${constitution.file} has no layer whose pattern starts with ^stg_, so there is no staging model to write. Add one (e.g. staging: { pattern: "^stg_[a-z0-9_]+$" }) or leave out --staging.`,
  );
}

/** The first cleanup whose column regex and types both match wins; none means the column passes through. */
export function cleanupFor(constitution: Constitution, column: string, type: string): string | undefined {
  const logical = parseDataType(type)?.name;
  const hit = constitution.stagingCleanups.find(
    (cleanup) =>
      (cleanup.columns === undefined || new RegExp(cleanup.columns).test(column)) &&
      (cleanup.types.length === 0 || cleanup.types.some((t) => parseDataType(t)?.name === logical)),
  );
  return hit?.transform;
}

/**
 * The staging model of a source spec: one column per source column, same name and type,
 * with the constitution's cleanups where they apply. Keys, nullability, PII and glossary
 * carry over, since staging only renames and cleans.
 */
export function buildStagingSpec(
  source: Record<string, unknown>,
  dataset: string,
  constitution: Constitution,
  name: string,
): Record<string, unknown> {
  const layer = stagingLayer(constitution);
  if (!new RegExp(layer.pattern).test(name)) {
    throw new GeneratorError(
      'invalid-option',
      `--stagingName: "${name}" does not match the ${layer.name} layer's pattern ${layer.pattern}.`,
    );
  }
  const alias = 's';
  const columns = (source['columns'] as Record<string, unknown>[]).map((column) => {
    const out: Record<string, unknown> = { name: column['name'], type: column['type'], from: `${alias}.${column['name']}` };
    const transform = cleanupFor(constitution, column['name'] as string, column['type'] as string);
    if (transform) out['transform'] = transform;
    for (const key of ['nullable', 'pii', 'description', 'glossary', 'tests']) if (column[key] !== undefined) out[key] = column[key];
    return out;
  });
  const spec: Record<string, unknown> = {
    kind: 'model',
    name,
    layer: layer.name,
    description: `The ${dataset} source, one row per source row, with the constitution's standard cleanups.`,
  };
  if (source['owner']) spec['owner'] = source['owner'];
  spec['sources'] = [{ ref: dataset, alias }];
  if (source['primary_key']) spec['constraints'] = { primary_key: source['primary_key'] };
  spec['load'] = { strategy: 'view' };
  spec['columns'] = columns;
  return spec;
}
