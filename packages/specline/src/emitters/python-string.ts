/** A Python triple-quoted string holding `text` verbatim (backslashes and quotes escaped). */
export function pythonTripleQuoted(text: string): string {
  return `"""\n${text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}\n"""`;
}

/** A one-line Python string literal; JSON's escapes are a subset of Python's. */
export function pythonString(text: string): string {
  return JSON.stringify(text);
}
