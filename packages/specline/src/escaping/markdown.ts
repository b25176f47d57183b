/**
 * Markdown that renders spec text as text: GitHub, VS Code and static-site renderers all pass
 * inline HTML through, so `<` is written as an entity (no tag, and so no attribute such as
 * onerror, and no <scheme:...> autolink can form; `>` alone opens nothing and stays readable),
 * `&` too (so no entity the author wrote is decoded), and `[` is backslash-escaped, so no
 * inline link, reference link or link definition can form: a renderer decodes entities inside
 * a link destination, so `javascript&#58;` in `[x](...)` would still run script in a browser
 * (the hostile corpus caught that in Chromium). Bare URLs still autolink where the renderer
 * does that (GFM: http, https, www and e-mail only).
 * https://spec.commonmark.org/0.31.2/#raw-html https://spec.commonmark.org/0.31.2/#links
 */
export function markdownText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\[/g, '\\[');
}

/** Text inside a code span: Markdown shows it verbatim, so only the span's own delimiter matters. */
export function isCodeSpanSafe(text: string): boolean {
  return !text.includes('`');
}
