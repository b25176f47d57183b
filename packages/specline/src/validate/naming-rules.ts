import { compilePattern } from '../catalog/regex';
import type { Rule } from './rule-context';

/** Every model sits in a declared layer and its name matches that layer's pattern. */
export const layerNamingRule: Rule = ({ catalog, report }) => {
  const layers = new Map(catalog.constitution.layers.map((layer) => [layer.name, layer]));
  for (const model of catalog.models) {
    const layer = layers.get(model.layer);
    if (!layer) {
      report(
        'NAME004',
        model,
        '/layer',
        `The layer "${model.layer}" is not declared in the constitution.`,
        `Use one of: ${[...layers.keys()].join(', ')}, or declare the layer in ${catalog.constitution.file}.`,
      );
      continue;
    }
    const pattern = compilePattern(layer.pattern);
    if (pattern && !pattern.test(model.name)) {
      report(
        'NAME003',
        model,
        '/name',
        `The model name "${model.name}" does not match the ${layer.name} pattern ${layer.pattern}.`,
        `Rename the model to match ${layer.pattern}, or move it to the layer it belongs to.`,
      );
    }
  }
};

/**
 * DuckDB, where every spec's tests run, always has the catalogs `temp` and `system`, so
 * `temp.stg_accounts` there could name a table in either the catalog or the schema, and
 * DuckDB refuses it as ambiguous (quoting does not help). A model's schema of either name
 * would build nowhere locally, so it is refused before anything is generated.
 */
const DUCKDB_CATALOG_NAMES: ReadonlySet<string> = new Set(['temp', 'system']);

export const schemaNameRule: Rule = ({ catalog, report }) => {
  const layerSchemas = new Map(catalog.constitution.layers.map((layer) => [layer.name, layer.schema]));
  for (const model of catalog.models) {
    if (!DUCKDB_CATALOG_NAMES.has(model.schema.toLowerCase())) continue;
    const fromLayer = layerSchemas.get(model.layer) === model.schema;
    report(
      'NAME006',
      fromLayer ? catalog.constitution : model,
      fromLayer ? '/layers' : '/schema',
      `The schema "${model.schema}" of "${model.name}" is also the name of a catalog DuckDB always has, so DuckDB, where its tests run, cannot tell the two apart.`,
      `Name the schema otherwise (for example ${model.schema}_${model.layer} or tmp)${fromLayer ? ' in the layer of the constitution' : ''}.`,
    );
  }
};
