import type { Diagnostic, DiagnosticCode, SourceLocation } from '../diagnostics';
import type { SpecDocument } from '../spec/read';

/** Collects diagnostics while the catalog is built, locating each by document and pointer. */
export class DiagnosticSink {
  private readonly collected: Diagnostic[] = [];

  get diagnostics(): readonly Diagnostic[] {
    return this.collected;
  }

  add(diagnostic: Diagnostic): void {
    this.collected.push(diagnostic);
  }

  error(
    code: DiagnosticCode,
    doc: SpecDocument,
    pointer: string,
    message: string,
    hint: string,
    related?: readonly SourceLocation[],
  ): void {
    this.collected.push({
      code,
      severity: 'error',
      location: doc.positions.locate(pointer),
      pointer,
      message,
      hint,
      ...(related ? { related } : {}),
    });
  }

  warning(code: DiagnosticCode, doc: SpecDocument, pointer: string, message: string, hint: string): void {
    this.collected.push({ code, severity: 'warning', location: doc.positions.locate(pointer), pointer, message, hint });
  }
}
