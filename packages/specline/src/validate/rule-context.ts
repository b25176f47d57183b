import type { Diagnostic, DiagnosticCode, SourceLocation } from '../diagnostics';
import type { Catalog } from '../catalog';

/** What a constitution rule sees: the resolved catalog, and a way to report against a node. */
export interface RuleContext {
  readonly catalog: Catalog;
  /** Reports against `pointer` in the spec file of `owner` (a dataset, or anything with a file). */
  report(code: DiagnosticCode, owner: { readonly file: string }, pointer: string, message: string, hint: string): void;
}

export type Rule = (context: RuleContext) => void;

export type Locator = (file: string, pointer: string) => SourceLocation;

export function runRules(catalog: Catalog, rules: readonly Rule[], locate: Locator): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context: RuleContext = {
    catalog,
    report(code, owner, pointer, message, hint) {
      diagnostics.push({ code, severity: 'error', location: locate(owner.file, pointer), pointer, message, hint });
    },
  };
  for (const rule of rules) rule(context);
  return diagnostics;
}
