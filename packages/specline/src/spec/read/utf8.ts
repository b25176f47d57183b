/** Where a byte sequence stops being valid UTF-8, or the decoded text when it is valid throughout. */
export type Utf8Outcome =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly line: number; readonly column: number };

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes a spec file strictly: Node's readFile would turn a bad byte into U+FFFD without a
 * word, and the replacement character would then reach generated code. A leading byte-order
 * mark is dropped (editors on Windows write one; JSON.parse refuses it).
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Outcome {
  try {
    const text = fatal.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    // Everything before the first U+FFFD that is not written out as EF BF BD decoded cleanly.
    const text = lenient.decode(bytes);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let index = text.indexOf('\ufffd');
    while (index >= 0) {
      const byteOffset = bom + Buffer.byteLength(text.slice(0, index), 'utf8');
      if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) break;
      index = text.indexOf('\ufffd', index + 1);
    }
    const before = text.slice(0, Math.max(index, 0));
    const lines = before.split('\n');
    return { ok: false, line: lines.length, column: lines[lines.length - 1].length + 1 };
  }
}
