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
