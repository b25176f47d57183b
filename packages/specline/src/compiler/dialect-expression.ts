import type { SqlFragment } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import { type ColumnTypes, NO_COLUMN_TYPES, transpileExpression, type SqlDialect } from '../sql';
import { compileProblem } from './compile-problem';

/**
 * One spec fragment rendered in a target dialect. The authoring dialect keeps the author's
 * text (and layout); any other target goes through polyglot, whose refusal becomes a SQL005
 * diagnostic at the fragment's own file:line:col, never silently wrong SQL. `columns` are the
 * declared types of the columns the fragment can name (compiler/column-scope.ts).
 */
export function inDialect(
  fragment: SqlFragment,
  text: string,
  from: SqlDialect,
  to: SqlDialect,
  problems: Diagnostic[],
  columns: ColumnTypes = NO_COLUMN_TYPES,
): string {
  if (from === to) return text;
  const result = transpileExpression(text, from, to, columns);
  if (result.ok) return result.sql;
  problems.push(
    compileProblem(
      fragment,
      'SQL005',
      `The expression '${oneLine(text)}' cannot be written in ${to}: ${result.problem.message}`,
      result.problem.hint,
    ),
  );
  return text;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
