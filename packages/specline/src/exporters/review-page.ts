import type { Model, SourceTable } from '../catalog';
import { markdownText } from '../escaping';
import { describeColumnTest, describeLoad, describeModelTest } from './describe';
import { toMarkdownTable } from './markdown-table';
import { toModelMermaid, toSourceMermaid } from './model-diagram';
import { columnMappingTable, filtersTable, inputsTable, joinsTable, sourceColumnsTable, aggregationsTable } from './model-tables';
import type { ReviewTable } from './review-table';

/**
 * A model's review page, readable on GitHub as is: what it reads, how, what it writes and
 * how it is tested, with its Mermaid diagram embedded. Every SQL cell is the executed text.
 */
export function toModelMarkdown(model: Model): string {
  return page(
    model.name,
    model.description,
    [
      ['Layer', model.layer],
      ['Target', `${model.schema}.${model.name}`],
      ['Owner', model.owner ?? ''],
      ['Primary key', model.primaryKey.join(', ')],
      ['Load strategy', describeLoad(model.load)],
      ['Schedule', model.orchestration.schedule],
      ['Spec', model.file],
    ],
    toModelMermaid(model),
    [
      section('Sources', inputsTable(model), ['filter']),
      section('Joins', joinsTable(model), ['on']),
      section('Filters', filtersTable(model), ['filter']),
      section('Aggregations', aggregationsTable(model), ['sql']),
      section('Output and transformations', columnMappingTable(model), ['transform']),
      section('Tests', testsTable(model)),
    ],
  );
}

export function toSourceMarkdown(source: SourceTable): string {
  return page(
    source.name,
    source.description,
    [
      ['System', `${source.system} (${source.table})`],
      ['Target', `${source.schema}.${source.name}`],
      ['Owner', source.owner ?? ''],
      ['Primary key', source.primaryKey.join(', ')],
      ['Load', `${source.load.strategy}${source.load.cursor ? ` on ${source.load.cursor}` : ''}`],
      ['Spec', source.file],
    ],
    toSourceMermaid(source),
    [section('Columns', sourceColumnsTable(source))],
  );
}

/** Title, description, key facts, the diagram, then the non-empty sections. */
function page(title: string, description: string | undefined, facts: string[][], diagram: string, sections: string[]): string {
  return (
    [
      `# ${markdownText(title)}`,
      description ? `> ${markdownText(description.replace(/\s+/g, ' ').trim())}` : '',
      toMarkdownTable({ header: ['', 'value'], rows: facts }),
      '## Diagram',
      ['```mermaid', diagram.trimEnd(), '```'].join('\n'),
      ...sections,
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  );
}

function testsTable(model: Model): ReviewTable {
  return {
    header: ['column', 'test'],
    rows: [
      ...model.columns.flatMap((column) => column.tests.map((test) => [column.name, describeColumnTest(test)])),
      ...model.tests.map((test) => ['(model)', describeModelTest(test)]),
    ],
  };
}

function section(title: string, table: ReviewTable, code: readonly string[] = []): string {
  return table.rows.length === 0 ? '' : `## ${title}\n\n${toMarkdownTable(table, code)}`;
}
