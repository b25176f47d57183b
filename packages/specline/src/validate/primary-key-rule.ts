import type { Rule } from './rule-context';

/**
 * A primary key is only a key if it is tested: a single-column key needs unique and
 * not_null; a composite key needs not_null on each column (uniqueness of the combination
 * is tested by the test generator from the key itself).
 */
export const primaryKeyTestsRule: Rule = ({ catalog, report }) => {
  if (!catalog.constitution.primaryKeyTests) return;
  for (const dataset of catalog.datasets.values()) {
    if (dataset.kind === 'model' && dataset.load.strategy === 'scd2') continue; // scd2 keys are enforced by the scd2 invariants.
    const composite = dataset.primaryKey.length > 1;
    for (const key of dataset.primaryKey) {
      const column = dataset.columns.find((c) => c.name === key);
      if (!column) continue;
      const kinds = new Set(column.tests.map((t) => t.kind));
      const missing = [!kinds.has('not_null') && 'not_null', !composite && !kinds.has('unique') && 'unique'].filter(Boolean) as string[];
      if (missing.length > 0) {
        report(
          'RULE002',
          dataset,
          column.pointer,
          `The primary key column "${key}" of "${dataset.name}" lacks ${missing.join(' and ')}.`,
          `Add tests: [${missing.join(', ')}] to "${key}" (the constitution requires tested keys).`,
        );
      }
    }
  }
};
