import { oneLine } from './line-breaks';

/**
 * A `-- ` line comment. A line break would end the comment and make the rest SQL, so the text
 * is folded onto one line; a `--` comment ends only at a line end in every dialect.
 */
export function sqlLineComment(text: string): string {
  return `-- ${oneLine(text)}`;
}
