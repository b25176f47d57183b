import type { PositionIndex } from './positions';

/** A parsed spec file before schema validation: plain data plus the means to locate any part of it. */
export interface SpecDocument {
  /** Workspace-relative path with forward slashes. */
  readonly file: string;
  readonly text: string;
  /** The document as plain JSON data (objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  readonly positions: PositionIndex;
}
