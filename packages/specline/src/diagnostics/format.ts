import { compareDiagnostics, type Diagnostic } from './diagnostic';

/**
 * Prints diagnostics the way compilers do (`file:line:col: error CODE: message`), so that
 * editors and CI log viewers turn them into links.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column } = diagnostic.location;
  const lines = [`${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  if (diagnostic.pointer) lines.push(`  at ${diagnostic.pointer}`);
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  for (const related of diagnostic.related ?? []) {
    lines.push(`  see also: ${related.file}:${related.line}:${related.column}`);
  }
  return lines.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return [...diagnostics].sort(compareDiagnostics).map(formatDiagnostic).join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
