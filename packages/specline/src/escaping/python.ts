/**
 * Python string literals. Every spec value that reaches a .py file goes through one of these,
 * so no quote, backslash, line break or NUL can end the literal or turn into an escape.
 * https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals
 */

/** Characters escaped as \xNN or \uNNNN: controls (NUL included) and the Unicode line breaks. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function hexEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A one-line, double-quoted Python string literal holding `text` exactly. */
export function pythonStringLiteral(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(UNPRINTABLE, hexEscape);
  return `"${body}"`;
}

/**
 * The body of a triple-double-quoted literal: backslashes doubled (so a trailing backslash or
 * \N cannot start an escape), every quote that another quote follows escaped (so no run of
 * three can close the literal), control characters as \xNN. Line breaks stay readable.
 */
function tripleQuotedBody(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"(?="|$)/g, '\\"')
    .replace(/\r/g, '\\r')
    .replace(UNPRINTABLE, hexEscape);
}

/** A triple-quoted literal for SQL text: starts and ends on its own line. */
export function pythonTripleQuoted(text: string): string {
  return `"""\n${tripleQuotedBody(text)}\n"""`;
}

/** A module docstring: the text right after the opening quotes, the closing quotes on a line of their own. */
export function pythonDocstring(text: string): string {
  return `"""${tripleQuotedBody(text)}\n"""`;
}
