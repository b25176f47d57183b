/**
 * Markdown that renders spec text as text: GitHub, VS Code and static-site renderers all pass
 * inline HTML through, so `<` is written as an entity (no tag, and so no attribute such as
 * onerror, can form; `>` alone opens nothing and stays readable), `&` too (else `&#58;` would
 * put a colon back into a link), and a javascript:, vbscript: or data: scheme loses its colon
 * so no link can run script. https://spec.commonmark.org/0.31.2/#raw-html
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\b(javascript|vbscript|data)(\s*):/gi, '$1$2&#58;');
}

/** Text inside a code span: Markdown shows it verbatim, so only the span's own delimiter matters. */
export function isCodeSpanSafe(text: string): boolean {
  return !text.includes('`');
}
