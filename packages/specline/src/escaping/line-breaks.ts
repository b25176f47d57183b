/**
 * Every character that some consumer treats as the end of a line: CR, LF, the vertical tab and
 * form feed, NEL (U+0085) and the Unicode line and paragraph separators (U+2028, U+2029, which
 * JavaScript and some editors break on). A one-line context must see none of them.
 */
export const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]/g;

/** C0 and C1 control characters other than tab; they have no business in generated text. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** One line of plain text: line breaks and control characters become spaces. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL_CHARACTERS, ' ');
}
