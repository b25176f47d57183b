import type { Rule } from './rule-context';

/** The fields the constitution makes mandatory: owner, description, and per-column descriptions. */
export const requiredFieldsRule: Rule = ({ catalog, report }) => {
  const required = new Set(catalog.constitution.requiredFields);
  for (const dataset of catalog.datasets.values()) {
    const what = `The ${dataset.kind} "${dataset.name}"`;
    if (required.has('owner') && !dataset.owner)
      report(
        'RULE001',
        dataset,
        '/owner',
        `${what} has no owner.`,
        'Add owner: the team accountable for it (the constitution requires one).',
      );
    if (required.has('description') && !dataset.description)
      report(
        'RULE001',
        dataset,
        '/description',
        `${what} has no description.`,
        'Add description: what one row means and who uses it (the constitution requires one).',
      );
    if (required.has('column_description')) {
      for (const column of dataset.columns) {
        if (!column.description)
          report(
            'RULE001',
            dataset,
            column.pointer,
            `The column "${column.name}" has no description.`,
            'Add description to the column (the constitution requires one).',
          );
      }
    }
  }
};
