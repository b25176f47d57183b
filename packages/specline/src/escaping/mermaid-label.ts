/**
 * Mermaid label text. Labels are always double-quoted; inside them Mermaid reads `#...;` as
 * an entity and may read `<`/`>` as HTML, so those characters are written as numeric entity
 * codes; a backtick would end the Markdown fence around the diagram. Line breaks (U+2028
 * included) fold to spaces. https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .replace(/[#"<>&`]/g, (char) => `#${char.charCodeAt(0)};`);
  return `"${escaped}"`;
}

/** Several lines in one label. */
export function mermaidLines(lines: readonly string[]): string {
  return lines.map((line) => mermaidLabel(line).slice(1, -1)).join('<br/>');
}
