import { formatDataType, parseDataType } from '../catalog';
import { ImportError } from './import-error';

/** A source column as the generator learned it from options, a DDL file or a CSV file. */
export interface ColumnDraft {
  readonly name: string;
  /** Canonical logical type, e.g. INT64 or NUMERIC(18,2). */
  readonly type: string;
  readonly nullable: boolean;
  /** The name as the input wrote it, when the spec name differs (reported, never silent). */
  readonly renamedFrom?: string;
  /** What a DDL says beyond the type: a column comment, UNIQUE, CHECK (c IN (...)), REFERENCES t(c). */
  readonly description?: string;
  readonly unique?: boolean;
  readonly acceptedValues?: readonly string[];
  readonly references?: { readonly table: string; readonly column: string };
}

/** `{ renamedFrom }` when the spec name is not the input's name as written. */
export function renamedFrom(raw: string, name: string): Pick<ColumnDraft, 'renamedFrom'> {
  return raw === name ? {} : { renamedFrom: raw };
}

/** One line per renamed column, for the generator to report: what the input said, what the spec says. */
export function describeRenames(columns: readonly ColumnDraft[], origin: string): string[] {
  return columns
    .filter((column) => column.renamedFrom !== undefined)
    .map(
      (column) =>
        `${origin}: the column ${JSON.stringify(column.renamedFrom)} is named "${column.name}" in the spec (spec names are lower-case identifiers). Check the new name, and rename the column at its source if it was not meant.`,
    );
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** Spec names are lower-case identifiers; source systems are not that tidy. */
export function specColumnName(raw: string, origin: string): string {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!IDENTIFIER.test(name)) {
    throw new ImportError(
      `${origin}: the column name "${raw}" cannot become a spec identifier (a letter, then letters, digits or underscores). Rename it in the input.`,
    );
  }
  return name;
}

export function canonicalType(raw: string, origin: string): string {
  // VARCHAR(200): a length is a storage detail, and the type parser only takes precisions.
  const parsed =
    parseDataType(raw) ??
    (/^(string|bytes|varchar|char|text|nvarchar|varbinary|binary)\s*\(/i.test(raw)
      ? parseDataType(raw.replace(/\(.*\)\s*$/, ''))
      : undefined);
  if (!parsed) {
    throw new ImportError(
      `${origin}: "${raw}" is not a type Specline knows. Use STRING, INT64, FLOAT64, NUMERIC(p,s), BOOL, DATE, TIMESTAMP, DATETIME, TIME, BYTES or JSON.`,
    );
  }
  return formatDataType(parsed);
}

/**
 * Parses `--columns`: comma-separated `name:TYPE`, with a trailing `!` for NOT NULL, e.g.
 * `lead_id:INT64!,email:STRING,score:NUMERIC(5,2)`. Commas inside parentheses belong to the type.
 */
export function parseInlineColumns(text: string): ColumnDraft[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const match = /^([^:]+):(.+?)(!?)$/.exec(item);
      if (!match) throw new ImportError(`--columns: "${item}" is not name:TYPE (add ! for NOT NULL), e.g. lead_id:INT64!`);
      const name = specColumnName(match[1], '--columns');
      return {
        name,
        type: canonicalType(match[2].trim(), '--columns'),
        nullable: match[3] !== '!',
        ...renamedFrom(match[1].trim(), name),
      };
    });
}
