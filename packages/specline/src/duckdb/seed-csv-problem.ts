/**
 * Seed CSV problems said where they are: `<seed>:<line>:<column>: …`, as spec diagnostics are.
 * DuckDB reads the CSV (strict mode) and names the line; this module finds the column.
 */

/** The character column (1-based) where field `index` (0-based) starts in one CSV line. */
function fieldColumn(line: string, index: number): number {
  let field = 0;
  let quoted = false;
  for (let offset = 0; offset < line.length; offset++) {
    if (field === index) return offset + 1;
    const char = line[offset];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) field++;
  }
  return line.length + 1;
}

/** The header row's field names (the first record; quoted names unquoted). */
export function csvHeader(text: string): string[] {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '';
  return firstLine.split(',').map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/""/g, '"'),
  );
}

/**
 * The header must name the declared columns in their order: DuckDB maps declared columns to
 * CSV fields by position, so a reordered or renamed header would load values silently into the
 * wrong columns.
 */
export function seedHeaderProblem(seed: string, text: string, declared: readonly string[]): string | undefined {
  const header = csvHeader(text);
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '';
  for (let index = 0; index < Math.max(header.length, declared.length); index++) {
    if (header[index] === declared[index]) continue;
    const column = fieldColumn(firstLine, index);
    if (declared[index] === undefined)
      return `${seed}:1:${column}: the header has a column "${header[index]}" that the spec does not declare. Hint: declare it in the spec's columns, or remove it from the CSV.`;
    if (header[index] === undefined)
      return `${seed}:1:${column}: the header ends before the declared column "${declared[index]}". Hint: add "${declared[index]}" to the header and a value to every row.`;
    return `${seed}:1:${column}: the header names "${header[index]}" where the spec declares "${declared[index]}". Hint: write the header as ${declared.join(',')} (the spec's columns, in order).`;
  }
  return undefined;
}

/** DuckDB's CSV error, located in the seed file; undefined when DuckDB names no line. */
export function locateSeedError(seed: string, header: readonly string[], message: string): string | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  if (!line) return undefined;
  const original = /Original Line: (.*)/.exec(message)?.[1] ?? '';
  const conversion = /Error when converting column "(.+?)"\. (Could not convert [^\n]*)/.exec(message);
  if (conversion) {
    const index = Math.max(0, header.indexOf(conversion[1]));
    return `${seed}:${line}:${fieldColumn(original, index)}: column "${conversion[1]}": ${conversion[2].replace(/\.$/, '')}. Hint: write a value of the column's declared type, or leave the field empty for NULL.`;
  }
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count) {
    const [expected, found] = [Number(count[1]), Number(count[2])];
    return `${seed}:${line}:${fieldColumn(original, Math.min(expected, found))}: the row has ${found} field${found === 1 ? '' : 's'}; the header has ${expected}. Hint: give every row exactly one value per header column (an empty field is NULL).`;
  }
  return `${seed}:${line}:1: ${message.split('\n')[0]}. Hint: fix this line of the CSV (RFC 4180, a header row).`;
}
