import * as path from 'node:path';
import type { Diagnostic } from '../../diagnostics';
import { unsafePathSegment } from '../../escaping';
import { MAX_SPEC_BYTES, SPEC_EXTENSIONS } from './limits';
import { specSourceOf, type SpecSource } from '../spec-source';
import { parseSpecText, type ParseOutcome } from './parse-spec-text';
import { decodeUtf8 } from './utf8';

/**
 * Reads and parses one spec file. `file` is workspace-relative (it appears in diagnostics);
 * `from` is the workspace root, or the source it is read from. The size is checked before
 * reading so a huge file costs nothing. `specsDir` (default: the first folder of `file`)
 * bounds where a symbolic link may lead.
 */
export async function readSpecFile(from: string | SpecSource, file: string, specsDir?: string): Promise<ParseOutcome> {
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
  const unsafe = unsafePathSegment(file);
  if (unsafe !== undefined) {
    return fail({
      code: 'FILE005',
      message: `The path segment ${JSON.stringify(unsafe)} is not a safe file or folder name.`,
      hint: 'Rename it using letters, digits, "_", "-" and "." (not first); the path appears in generated code and project names.',
    });
  }
  if (source.linksOutside(file, specsDir)) {
    return fail({
      code: 'FILE006',
      message: 'The file is a symbolic link to a file outside the specs folder.',
      hint: 'Copy the spec into the specs folder, or point the link at a file inside it.',
    });
  }
  let bytes: Uint8Array;
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
    bytes = await source.read(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail({ code: 'FILE001', message: `The file cannot be read (${reason}).`, hint: 'Check that it exists and is readable.' });
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'FILE007',
          severity: 'error',
          location: { file, line: decoded.line, column: decoded.column },
          pointer: '',
          message: 'The file is not valid UTF-8 here.',
          hint: 'Save the file as UTF-8 (a byte-order mark is fine); the byte at this position belongs to another encoding such as Latin-1.',
        },
      ],
    };
  }
  return parseSpecText(file, decoded.text, extension === '.json' ? 'json' : 'yaml');
}
