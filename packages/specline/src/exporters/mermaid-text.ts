/**
 * Mermaid label text. Labels are always double-quoted; inside them Mermaid reads `#...;` as
 * an entity and may read `<`/`>` as HTML, so those characters are written as numeric entity
 * codes. https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"<>&`]/g, (char) => `#${char.charCodeAt(0)};`);
  return `"${escaped}"`;
}

/** Several lines in one label. */
export function mermaidLines(lines: readonly string[]): string {
  return lines.map((line) => mermaidLabel(line).slice(1, -1)).join('<br/>');
}
