import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, SourceLocation } from '../../diagnostics';
import { FORBIDDEN_KEYS, MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from './limits';
import { findControlCharacter } from './control-characters';
import { MAX_BRACKET_DEPTH, offsetOfDeepNesting } from './nesting-depth';
import { PositionIndex, escapePointerToken } from './positions';
import type { SpecDocument } from './spec-document';

export type ParseOutcome =
  { readonly ok: true; readonly doc: SpecDocument } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Parses one spec file's text. JSON files go through the same YAML parser (JSON is a subset
 * of YAML 1.2), after a strict JSON syntax check, so both formats get positions and the
 * same guards. Never throws for bad input.
 */
export function parseSpecText(file: string, text: string, format: 'yaml' | 'json'): ParseOutcome {
  const fail = (code: DiagnosticCode, location: SourceLocation, message: string, hint: string, pointer = ''): ParseOutcome => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', location, pointer, message, hint }],
  });
  const start: SourceLocation = { file, line: 1, column: 1 };

  if (text.trim() === '' || (format === 'yaml' && onlyComments(text))) {
    return fail(
      'FILE003',
      start,
      'The spec file is empty.',
      'Write a spec with a kind field (constitution, source, model, glossary or workflow), or delete the file.',
    );
  }
  if (format === 'json') {
    const jsonProblem = checkJsonSyntax(text);
    if (jsonProblem) {
      return fail(
        'PARSE002',
        locationOfOffset(file, text, jsonProblem.offset),
        `Invalid JSON: ${jsonProblem.message}.`,
        'Fix the JSON syntax at this position (a missing comma, quote or bracket is the usual cause).',
      );
    }
  }

  const tooDeep = (offset: number) =>
    fail(
      'PARSE007',
      locationOfOffset(file, text, Math.max(0, offset)),
      `The document nests deeper than ${MAX_NESTING_DEPTH} levels.`,
      'Flatten the structure; no spec field nests this deep.',
    );
  const runaway = offsetOfDeepNesting(text, MAX_BRACKET_DEPTH);
  if (runaway >= 0) return tooDeep(offsetOfDeepNesting(text));
  const lineCounter = new LineCounter();
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false });
  } catch (error) {
    // The parser recurses, and nesting under the bracket limit (block sequences, - - - …) can
    // still exhaust the stack, which V8 may report as a RangeError or as a failed regular
    // expression. Refused like any other too-deep document, never allowed to crash the caller.
    if (error instanceof RangeError || /call stack/i.test(String(error))) return tooDeep(offsetOfDeepNesting(text));
    return fail('PARSE001', start, `The YAML cannot be read: ${firstLine(String(error))}.`, 'Fix the YAML at the start of the file.');
  }
  const docs = Array.isArray(documents) ? documents : [];
  if (docs.length > 1) {
    const second = docs[1].range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(second);
    return fail(
      'PARSE004',
      { file, line, column: col },
      'The file holds more than one YAML document.',
      'Keep one spec per file: move the part after "---" into a file of its own.',
    );
  }
  const document = docs[0];
  if (!document) return fail('FILE003', start, 'The spec file is empty.', 'Write a spec with a kind field, or delete the file.');

  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    const first = problems[0];
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const duplicate = first.code === 'DUPLICATE_KEY';
    return fail(
      duplicate ? 'PARSE005' : 'PARSE001',
      { file, line, column: col },
      duplicate ? 'A key appears twice in the same mapping.' : `Invalid YAML: ${firstLine(first.message)}.`,
      duplicate
        ? 'Remove one of the two keys; YAML would silently keep only the last.'
        : 'Fix the YAML syntax at this position; check indentation, quotes and colons.',
    );
  }

  const root = document.contents as Node | null;
  if (!isMap(root)) {
    const location = root?.range ? locationOfOffset(file, text, root.range[0]) : start;
    return fail(
      'PARSE006',
      location,
      'The document is not a mapping of fields.',
      'A spec is a mapping such as "kind: model" followed by its fields.',
    );
  }

  const structural = checkStructure(root, file, lineCounter);
  if (structural) return { ok: false, diagnostics: [structural] };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount: an alias bomb.
    const message = error instanceof Error ? error.message : String(error);
    const aliasBomb = /alias/i.test(message);
    return fail(
      aliasBomb ? 'PARSE003' : 'PARSE001',
      start,
      aliasBomb ? `YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT}.` : `The YAML cannot be read: ${firstLine(message)}.`,
      aliasBomb ? 'Write the repeated values out instead of nesting anchors and aliases.' : 'Fix the YAML at the start of the file.',
    );
  }
  const positions = new PositionIndex(file, text, lineCounter, root);
  const control = findControlCharacter(data, positions);
  if (control) return { ok: false, diagnostics: [control] };
  return { ok: true, doc: { file, text, data, positions } };
}

/** Rejects reserved keys and runaway nesting before any value is turned into a JS object. */
function checkStructure(root: Node, file: string, lineCounter: LineCounter): Diagnostic | undefined {
  const stack: { node: Node; pointer: string; depth: number }[] = [{ node: root, pointer: '', depth: 1 }];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop()!;
    const at = (offset: number | undefined): SourceLocation => {
      const { line, col } = lineCounter.linePos(offset ?? 0);
      return { file, line, column: col };
    };
    if (depth > MAX_NESTING_DEPTH) {
      return {
        code: 'PARSE007',
        severity: 'error',
        location: at(node.range?.[0]),
        pointer,
        message: `The document nests deeper than ${MAX_NESTING_DEPTH} levels.`,
        hint: 'Flatten the structure; no spec field nests this deep.',
      };
    }
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        const keyOffset = isScalar(item.key) ? item.key.range?.[0] : undefined;
        if (key === undefined) {
          return {
            code: 'PARSE001',
            severity: 'error',
            location: at((item.key as Node | null)?.range?.[0]),
            pointer,
            message: 'A mapping key is not a plain value.',
            hint: 'Use plain text keys such as name or columns.',
          };
        }
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          return {
            code: 'SCHEMA008',
            severity: 'error',
            location: at(keyOffset),
            pointer: childPointer,
            message: `The key "${key}" is reserved and not allowed in a spec.`,
            hint: `Remove "${key}"; no spec field has this name.`,
          };
        }
        if (item.value && typeof item.value === 'object') stack.push({ node: item.value as Node, pointer: childPointer, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object') stack.push({ node: item as Node, pointer: `${pointer}/${i}`, depth: depth + 1 });
      });
    }
  }
  return undefined;
}

function checkJsonSyntax(text: string): { offset: number; message: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    return { offset: position ? Number(position[1]) : 0, message: firstLine(message).replace(/ in JSON at position \d+.*$/, '') };
  }
}

function locationOfOffset(file: string, text: string, offset: number): SourceLocation {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { file, line, column };
}

function onlyComments(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---');
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/[.:\s]+$/, '');
}
