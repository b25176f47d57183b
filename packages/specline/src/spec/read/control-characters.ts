import type { Diagnostic } from '../../diagnostics';
import { escapePointerToken, type PositionIndex } from './positions';

/**
 * C0 and C1 control characters other than tab, line feed and carriage return. No spec value
 * needs one; a NUL ends strings in C-based tools and breaks generated code, and the others
 * hide text in terminals and reviews.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first key or string value holding a control character, as a located diagnostic. */
export function findControlCharacter(data: unknown, positions: PositionIndex): Diagnostic | undefined {
  const visit = (value: unknown, pointer: string): Diagnostic | undefined => {
    if (typeof value === 'string') {
      const found = CONTROL_CHARACTER.exec(value);
      return found ? problem(positions, pointer, found.index, found[0], false) : undefined;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const found = visit(item, `${pointer}/${index}`);
        if (found) return found;
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
        const inKey = CONTROL_CHARACTER.exec(key);
        if (inKey) return problem(positions, childPointer, inKey.index, inKey[0], true);
        const found = visit(item, childPointer);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(data, '');
}

function problem(positions: PositionIndex, pointer: string, index: number, char: string, inKey: boolean): Diagnostic {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'PARSE008',
    severity: 'error',
    location: inKey ? positions.locateKey(pointer) : positions.locateInString(pointer, index),
    pointer,
    message: `The ${inKey ? 'key' : 'value'} holds the control character ${code}${code === 'U+0000' ? ' (NUL)' : ''}.`,
    hint: 'Remove it; spec text may hold tabs and line breaks but no other control characters (often pasted from a terminal or a binary file).',
  };
}
