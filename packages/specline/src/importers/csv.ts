import { ImportError } from './import-error';
import { renamedFrom, specColumnName, type ColumnDraft } from './column-draft';

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// The narrowest type that every non-empty value fits, tried in this order.
const CANDIDATES: readonly { readonly type: string; readonly test: RegExp }[] = [
  { type: 'BOOL', test: /^(true|false)$/i },
  { type: 'INT64', test: /^[+-]?(0|[1-9]\d{0,17})$/ }, // a leading zero (postal codes, ids) is text
  { type: 'FLOAT64', test: /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/ },
  { type: 'DATE', test: /^\d{4}-\d{2}-\d{2}$/ },
  { type: 'TIMESTAMP', test: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/ },
];

/**
 * Columns from a CSV header, each typed by the narrowest type all its values fit. Empty
 * values are NULLs: they make a column nullable and say nothing about its type; a column
 * with no values at all is STRING.
 */
export function inferCsvColumns(text: string, origin: string): ColumnDraft[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0] === ''));
  if (rows.length === 0) throw new ImportError(`${origin}: the file is empty; it needs a header row.`);
  const [header, ...data] = rows;
  const names = header.map((h, i) => specColumnName(h, `${origin}:1 column ${i + 1}`));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new ImportError(`${origin}:1: the header names ${duplicate} twice. Column names must be unique.`);
  data.forEach((r, i) => {
    if (r.length !== header.length)
      throw new ImportError(
        `${origin}:${i + 2}: the row has ${r.length} fields, the header ${header.length}. Quote values that contain commas.`,
      );
  });
  return names.map((name, index) => {
    const values = data.map((r) => r[index]).filter((v) => v !== '');
    // A leading zero (postal codes, account numbers) would be lost as a number: it is text.
    const textual = values.some((v) => /^[+-]?0\d/.test(v));
    const fit = values.length === 0 || textual ? undefined : CANDIDATES.find((c) => values.every((v) => c.test.test(v)));
    return {
      name,
      type: fit?.type ?? 'STRING',
      nullable: values.length < data.length || data.length === 0,
      ...renamedFrom(header[index], name),
    };
  });
}
