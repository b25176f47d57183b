import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';
import type { SourceLocation } from '../../diagnostics';

/** Where a value sits in its file: enough to point diagnostics at a key, a value or a character inside a SQL fragment. */
interface Placement {
  readonly keyOffset?: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly scalar?: Scalar;
}

/**
 * Maps RFC 6901 pointers to file positions. Built once per document from the YAML syntax
 * tree (JSON is parsed by the same parser), so every later pass can say file:line:col.
 */
export class PositionIndex {
  private readonly placements = new Map<string, Placement>();

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    root: Node | null,
  ) {
    if (root) this.index(root, '', undefined);
  }

  /** The position of the value at `pointer`, or of its nearest ancestor that exists. */
  locate(pointer: string): SourceLocation {
    return this.at(this.nearest(pointer).valueStart);
  }

  /** The position of the key that introduces `pointer` (for 'unknown field' errors), else of its value. */
  locateKey(pointer: string): SourceLocation {
    const placement = this.nearest(pointer);
    return this.at(placement.keyOffset ?? placement.valueStart);
  }

  /**
   * The position of character `offset` of the string value at `pointer`. Exact when the
   * string appears verbatim in the file (plain, quoted or literal block on one line),
   * otherwise the start of the value.
   */
  locateInString(pointer: string, offset: number): SourceLocation {
    const placement = this.nearest(pointer);
    const value = placement.scalar?.value;
    if (typeof value === 'string') {
      const raw = this.text.slice(placement.valueStart, placement.valueEnd);
      const at = raw.indexOf(value);
      if (at >= 0) return this.at(placement.valueStart + at + Math.max(0, Math.min(offset, value.length)));
    }
    return this.at(placement.valueStart);
  }

  private nearest(pointer: string): Placement {
    let current = pointer;
    for (;;) {
      const placement = this.placements.get(current);
      if (placement) return placement;
      if (current === '') return { valueStart: 0, valueEnd: 0 };
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }

  private at(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private index(node: Node, pointer: string, keyOffset: number | undefined): void {
    const [start, end] = node.range ?? [0, 0];
    this.placements.set(pointer, { keyOffset, valueStart: start, valueEnd: end, scalar: isScalar(node) ? node : undefined });
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const childPointer = `${pointer}/${escapePointerToken(String(item.key.value))}`;
        const keyStart = item.key.range?.[0];
        if (item.value && typeof item.value === 'object' && 'range' in item.value) {
          this.index(item.value as Node, childPointer, keyStart);
        } else {
          this.placements.set(childPointer, { keyOffset: keyStart, valueStart: keyStart ?? start, valueEnd: keyStart ?? start });
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object' && 'range' in item) this.index(item as Node, `${pointer}/${i}`, undefined);
      });
    }
  }
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
