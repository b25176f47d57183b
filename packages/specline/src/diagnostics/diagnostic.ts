import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning';

/** A position in a spec file. Lines and columns are 1-based, as editors and compilers print them. */
export interface SourceLocation {
  /** Workspace-relative path with forward slashes, so output never depends on the checkout path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * One finding about the specs. Diagnostics are values, never exceptions: every pass returns
 * them and the caller decides how to print them and what exit status follows.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly location: SourceLocation;
  /** RFC 6901 pointer into the spec document ('' is the whole document). */
  readonly pointer: string;
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly hint?: string;
  /** Other places that take part, e.g. the first definition of a duplicate name. */
  readonly related?: readonly SourceLocation[];
}

export function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error';
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(isError);
}

/** A stable order (file, line, column, code) so that output is deterministic whatever order the passes ran in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
