import * as path from 'node:path';
import type { Diagnostic } from '../../diagnostics';
import { MAX_SPEC_BYTES, SPEC_EXTENSIONS } from './limits';
import { specSourceOf, type SpecSource } from '../spec-source';
import { parseSpecText, type ParseOutcome } from './parse-spec-text';

/**
 * Reads and parses one spec file. `file` is workspace-relative (it appears in diagnostics);
 * `from` is the workspace root, or the source it is read from. The size is checked before
 * reading so a huge file costs nothing.
 */
export async function readSpecFile(from: string | SpecSource, file: string): Promise<ParseOutcome> {
  const source = specSourceOf(from);
  const start = { file, line: 1, column: 1 };
  const fail = (diagnostic: Omit<Diagnostic, 'severity' | 'location' | 'pointer'>): ParseOutcome => ({
    ok: false,
    diagnostics: [{ ...diagnostic, severity: 'error', location: start, pointer: '' }],
  });
  const extension = path.extname(file).toLowerCase();
  if (!SPEC_EXTENSIONS.includes(extension)) {
    return fail({
      code: 'FILE004',
      message: `"${extension || file}" is not a spec format.`,
      hint: 'Name spec files *.yaml, *.yml or *.json.',
    });
  }
  let text: string;
  try {
    const size = await source.sizeOf(file);
    if (size === undefined) return fail({ code: 'FILE001', message: 'The path is not a regular file.', hint: 'Point at a spec file.' });
    if (size > MAX_SPEC_BYTES) {
      return fail({
        code: 'FILE002',
        message: `The file is ${size} bytes; a spec may be at most ${MAX_SPEC_BYTES} bytes.`,
        hint: 'Split it into one spec per dataset, and keep sample data in a seed CSV.',
      });
    }
    text = Buffer.from(await source.read(file)).toString('utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail({ code: 'FILE001', message: `The file cannot be read (${reason}).`, hint: 'Check that it exists and is readable.' });
  }
  return parseSpecText(file, stripByteOrderMark(text), extension === '.json' ? 'json' : 'yaml');
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
