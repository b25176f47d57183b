import { parseExpression, type FragmentKind } from '../sql';
import type { SpecDocument } from '../spec/read';
import type { DiagnosticSink } from './diagnostic-sink';
import { isImportPlaceholder } from './import-placeholder';
import type { SqlFragment } from './nodes';

const FROM_PLACEHOLDER = '{from}';

/**
 * Parses one SQL fragment of a spec as exactly one expression in the constitution's
 * dialect. Returns undefined, after reporting where in the file the problem is, when the
 * fragment is not a single safe expression.
 */
export function parseFragment(
  sink: DiagnosticSink,
  doc: SpecDocument,
  pointer: string,
  written: string,
  dialect: string,
  kind: FragmentKind,
  fromColumn?: string,
): SqlFragment | undefined {
  if (isImportPlaceholder(written)) {
    sink.add({
      code: 'TODO001',
      severity: 'error',
      location: doc.positions.locate(pointer),
      pointer,
      message: `A placeholder is left where SQL belongs: "${written.trim()}".`,
      hint: 'The imported requirements had no SQL here yet (a [bracketed note] or "..."). Write the expression they mean in its place, in the constitution\'s dialect.',
    });
    return undefined;
  }
  const { text, toWrittenOffset } = substituteFrom(written, fromColumn);
  const result = parseExpression(text, dialect, kind);
  if (!result.ok) {
    const { problem } = result;
    sink.add({
      code: problem.code,
      severity: 'error',
      location: doc.positions.locateInString(pointer, toWrittenOffset(problem.offset)),
      pointer,
      message: problem.message,
      hint: problem.hint,
    });
    return undefined;
  }
  return Object.freeze({ text, parsed: result.expression, location: doc.positions.locate(pointer), pointer });
}

export function hasFromPlaceholder(written: string): boolean {
  return written.includes(FROM_PLACEHOLDER);
}

/** Replaces {from} with the qualified source column, keeping a map back to the written offsets for error positions. */
function substituteFrom(written: string, fromColumn: string | undefined): { text: string; toWrittenOffset: (offset: number) => number } {
  if (fromColumn === undefined || !written.includes(FROM_PLACEHOLDER)) return { text: written, toWrittenOffset: (offset) => offset };
  const pieces = written.split(FROM_PLACEHOLDER);
  const writtenOffsets: number[] = [];
  let writtenOffset = 0;
  pieces.forEach((piece, i) => {
    for (let k = 0; k < piece.length; k++) writtenOffsets.push(writtenOffset++);
    if (i < pieces.length - 1) {
      // Every character of the substituted column maps back to the start of its {from}.
      for (let k = 0; k < fromColumn.length; k++) writtenOffsets.push(writtenOffset);
      writtenOffset += FROM_PLACEHOLDER.length;
    }
  });
  return { text: pieces.join(fromColumn), toWrittenOffset: (offset) => writtenOffsets[offset] ?? written.length };
}
