import type { Model, SourceTable } from '../catalog';
import { columnSql } from './describe';
import { mermaidLabel, mermaidLines } from '../escaping';

/**
 * A model's flow, left to right: each input, its filter, the joins in order, the where, the
 * computed columns (transforms and aggregates), grouping, having and dedupe, then the target table. Node ids are positional
 * (input_0, join_1, …) so no spec name can collide with a Mermaid keyword such as `end`.
 */
export function toModelMermaid(model: Model): string {
  const lines = ['flowchart LR'];
  const inputTail = new Map<string, string>();
  model.inputs.forEach((input, index) => {
    lines.push(`  input_${index}[(${mermaidLabel(`${input.ref} AS ${input.alias}`)})]`);
    inputTail.set(input.alias, `input_${index}`);
    if (input.filter) {
      lines.push(`  filter_${index}{{${mermaidLabel(`WHERE ${input.filter.text}`)}}}`);
      lines.push(`  input_${index} --> filter_${index}`);
      inputTail.set(input.alias, `filter_${index}`);
    }
  });
  let flow = model.inputs.length > 0 ? inputTail.get(model.inputs[0].alias)! : undefined;
  model.joins.forEach((join, index) => {
    lines.push(`  join_${index}{${mermaidLabel(`${join.type.toUpperCase()} JOIN ${join.alias}${join.on ? ` ON ${join.on.text}` : ''}`)}}`);
    if (flow) lines.push(`  ${flow} --> join_${index}`);
    const joined = inputTail.get(join.alias);
    if (joined) lines.push(`  ${joined} --> join_${index}`);
    flow = `join_${index}`;
  });
  if (model.where) {
    lines.push(`  where{{${mermaidLabel(`WHERE ${clipSql(model.where.condition.text)}`)}}}`);
    if (flow) lines.push(`  ${flow} --> where`);
    flow = 'where';
  }
  const computed = model.columns.filter((column) => column.transform !== undefined || column.aggregate !== undefined || !column.from);
  const passed = model.columns.filter((column) => !computed.includes(column));
  const steps = computed.map((column, index) => [`column_${index}`, mermaidLabel(`${column.name} = ${clipSql(columnSql(column))}`)]);
  if (passed.length > 0)
    steps.push([
      'passthrough',
      `"${mermaidLines([`${passed.length} column${passed.length === 1 ? '' : 's'} as read:`, passed.map((c) => c.name).join(', ')])}"`,
    ]);
  // After the columns, in the order they apply: grouping, having, dedupe, then the table.
  const after: [string, string][] = [];
  if (model.groupBy.length > 0) after.push(['group_by', `[/${mermaidLabel(`GROUP BY ${model.groupBy.join(', ')}`)}/]`]);
  if (model.having) after.push(['having', `{{${mermaidLabel(`HAVING ${clipSql(model.having.condition.text)}`)}}}`]);
  if (model.dedupe) {
    const order = model.dedupe.orderBy.map((key) => `${key.column} ${key.direction.toUpperCase()}`).join(', ');
    after.push(['dedupe', `{{${mermaidLabel(`one row per ${model.dedupe.key.join(', ')}, first by ${order}`)}}}`]);
  }
  const into = after[0]?.[0] ?? 'target';
  for (const [id, shape] of after) lines.push(`  ${id}${shape}`);
  lines.push(`  target[(${mermaidLabel(`${model.schema}.${model.name}`)})]`);
  for (const [id, label] of steps) {
    lines.push(`  ${id}[${label}]`);
    if (flow) lines.push(`  ${flow} --> ${id}`);
    lines.push(`  ${id} --> ${into}`);
  }
  after.forEach(([id], index) => lines.push(`  ${id} --> ${after[index + 1]?.[0] ?? 'target'}`));
  return lines.join('\n') + '\n';
}

/** A source table's diagram: the system table landing as its dataset. */
export function toSourceMermaid(source: SourceTable): string {
  return (
    [
      'flowchart LR',
      `  system[${mermaidLabel(`${source.system}: ${source.table}`)}]`,
      `  target[(${mermaidLabel(`${source.schema}.${source.name}`)})]`,
      `  system -->|${mermaidLabel(`${source.load.strategy} load${source.load.cursor ? ` on ${source.load.cursor}` : ''}`)}| target`,
    ].join('\n') + '\n'
  );
}

/** The longest SQL a diagram node shows; longer transforms are cut, the review page has them in full. */
export const DIAGRAM_SQL_LIMIT = 80;

/** One line of SQL for a diagram node: whitespace folded, cut at DIAGRAM_SQL_LIMIT with an ellipsis. */
export function clipSql(sql: string): string {
  const folded = sql.replace(/\s+/g, ' ').trim();
  return folded.length <= DIAGRAM_SQL_LIMIT ? folded : `${folded.slice(0, DIAGRAM_SQL_LIMIT - 1).trimEnd()}…`;
}
