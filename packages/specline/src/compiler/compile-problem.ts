import type { Located } from '../catalog';
import type { Diagnostic, DiagnosticCode } from '../diagnostics';

/** Why a model cannot be compiled for one dialect; a value, so callers write nothing for that target. */
export function compileProblem(at: Located, code: DiagnosticCode, message: string, hint: string): Diagnostic {
  return { code, severity: 'error', location: at.location, pointer: at.pointer, message, hint };
}

export type Compiled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
