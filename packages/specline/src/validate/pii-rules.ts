import type { Dataset, Model } from '../catalog';
import { columnSourcesOf } from '../lineage/column-sources';
import { compilePattern } from '../catalog/regex';
import type { Rule } from './rule-context';

/** A column whose name looks personal must say whether it is PII: silence is not an answer. */
export const piiDeclaredRule: Rule = ({ catalog, report }) => {
  const patterns = catalog.constitution.pii.detect.map((p) => compilePattern(p, 'i')).filter((p): p is RegExp => p !== undefined);
  if (patterns.length === 0) return;
  for (const dataset of catalog.datasets.values()) {
    for (const column of dataset.columns) {
      if (column.pii === undefined && patterns.some((p) => p.test(column.name))) {
        report(
          'RULE003',
          dataset,
          column.pointer,
          `The column "${column.name}" of "${dataset.name}" looks like personal data but does not say pii.`,
          'Add pii: true, or pii: false if it holds no personal data (e.g. a hashed value).',
        );
      }
    }
  }
};

/** Unmasked PII may only live in the layers the policy allows. */
export const piiLayerRule: Rule = ({ catalog, report }) => {
  const allowed = catalog.constitution.pii.allowedLayers;
  if (!allowed) return;
  for (const model of catalog.models) {
    if (allowed.includes(model.layer)) continue;
    for (const column of model.columns) {
      if (column.pii === true) {
        report(
          'RULE004',
          model,
          column.pointer,
          `The ${model.layer} model "${model.name}" exposes the PII column "${column.name}".`,
          `Mask it with one of ${catalog.constitution.pii.maskingFunctions.join(', ') || 'a masking function'} and set pii: false, or drop it; PII is allowed only in: ${allowed.join(', ')}.`,
        );
      }
    }
  }
};

/** A column computed from PII stays PII unless a masking function hides it. */
export const piiLineageRule: Rule = ({ catalog, report }) => {
  const masking = new Set(catalog.constitution.pii.maskingFunctions);
  for (const model of catalog.models) {
    for (const column of model.columns) {
      if (column.pii !== false && column.pii !== undefined) continue;
      const personal = piiInputs(model, column, catalog.datasets);
      if (personal.length === 0) continue;
      if (column.expression.parsed.functions.some((f: string) => masking.has(f))) continue;
      if (column.aggregate === 'count' || column.aggregate === 'count_distinct') continue; // a count reveals no value.
      report(
        'RULE005',
        model,
        column.pointer,
        `The column "${column.name}" of "${model.name}" is computed from PII (${personal.join(', ')}) but is not flagged pii.`,
        `Set pii: true, or mask the value with ${[...masking].join(', ') || 'a masking function'}.`,
      );
    }
  }
};

function piiInputs(model: Model, column: Model['columns'][number], datasets: ReadonlyMap<string, Dataset>): string[] {
  return [
    ...new Set(
      columnSourcesOf(model, column, datasets)
        .filter((source) => source.upstream?.pii === true)
        .map((source) => `${source.input.ref}.${source.column}`),
    ),
  ].sort();
}
