import { isImportPlaceholder } from '../catalog';
import type { Rule } from './rule-context';

/**
 * The fields the constitution makes mandatory: owner, description, and per-column descriptions.
 * A TODO that spec:import wrote where its input had no description is text, but not one: it
 * is TODO001 wherever it stands, required or not, so an imported spec does not validate until
 * a person has written it.
 */
export const requiredFieldsRule: Rule = ({ catalog, report }) => {
  const required = new Set(catalog.constitution.requiredFields);
  const placeholder = (text: string | undefined): text is string => text !== undefined && isImportPlaceholder(text);
  for (const dataset of catalog.datasets.values()) {
    const what = `The ${dataset.kind} "${dataset.name}"`;
    if (placeholder(dataset.description))
      report(
        'TODO001',
        dataset,
        '/description',
        `${what} has a placeholder for its description: "${dataset.description}".`,
        'Write what one row means and who uses it in its place.',
      );
    for (const column of dataset.columns)
      if (placeholder(column.description))
        report(
          'TODO001',
          dataset,
          `${column.pointer}/description`,
          `The column "${column.name}" has a placeholder for its description: "${column.description}".`,
          'Write what the column holds in its place.',
        );
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
