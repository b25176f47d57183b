import { createHash } from 'node:crypto';

/**
 * Graph-time fingerprints of one spec, computed from the same quick parse as its summary.
 *
 * A fingerprint of what a project's tasks read from *other* specs, carried into their cache
 * keys (see upstream-fingerprints.ts), makes those keys change exactly when that does. This
 * replaces `^` spec inputs (which re-ran every dependent after a description edit) and
 * `dependentTasksOutputFiles` inputs (which Nx can only hash after the upstream task ran, so
 * in batch mode it re-ran every dependent of a task that missed the cache).
 */

/**
 * Everything in the spec that can change data, code or validation, i.e. all of it but the
 * prose: the descriptions of the spec, its columns and its unit tests. A spec whose data is
 * larger than any real spec (an alias bomb: js-yaml shares aliased nodes, so walking them is
 * exponential) is fingerprinted by its text instead, which counts every edit; validate
 * reports what is wrong with it.
 */
export function behaviourFingerprint(data: Record<string, unknown>, text: string): string {
  return fingerprintOr(() => withoutProse(data), text);
}

/**
 * What a dataset's readers' validate, codegen and export can see of it: its behaviour, except
 * the values of the numbers in the SQL that shapes its rows (column transforms, input
 * filters, join conditions, `where` and `having`). Those tasks read an input's relation, columns, types and
 * nullability, and refuse while it has errors, but never its SQL: a reader's code names the
 * input's table, and its OpenLineage facet its columns. A number's value cannot change whether
 * that SQL validates either, only its shape can (an integer compared with a STRING column is
 * an error whatever its value), so the shape stays in: 1000 and 5 read alike, 1000 and 1e3
 * or 1000.5 do not. Strings stay whole, since a string compared with a DATE must parse as one.
 * So a changed CASE threshold re-runs the readers' tests (their data changes) and nothing else
 * of theirs.
 */
export function contractFingerprint(data: Record<string, unknown>, text: string): string {
  return fingerprintOr(() => {
    const spec = withoutProse(data);
    const mapEach = (items: unknown, key: string) =>
      Array.isArray(items)
        ? items.map((item) =>
            item && typeof item === 'object' && !Array.isArray(item) && key in item
              ? { ...(item as Record<string, unknown>), [key]: numberShapes((item as Record<string, unknown>)[key]) }
              : item,
          )
        : items;
    const condition = (part: unknown) =>
      part && typeof part === 'object' && !Array.isArray(part) && 'condition' in part
        ? { ...(part as Record<string, unknown>), condition: numberShapes((part as Record<string, unknown>)['condition']) }
        : part;
    return {
      ...spec,
      ...('where' in spec ? { where: condition(spec.where) } : {}),
      ...('having' in spec ? { having: condition(spec.having) } : {}),
      ...('columns' in spec ? { columns: mapEach(spec.columns, 'transform') } : {}),
      ...('sources' in spec ? { sources: mapEach(spec.sources, 'filter') } : {}),
      ...('joins' in spec ? { joins: mapEach(spec.joins, 'on') } : {}),
    };
  }, text);
}

function withoutProse(data: Record<string, unknown>): Record<string, unknown> {
  const { description: _description, $schema: _schema, ...rest } = data;
  const itemsWithoutProse = (items: unknown) =>
    Array.isArray(items)
      ? items.map((item) =>
          item && typeof item === 'object' && !Array.isArray(item) ? omitKey(item as Record<string, unknown>, 'description') : item,
        )
      : items;
  return {
    ...rest,
    ...('columns' in rest ? { columns: itemsWithoutProse(rest.columns) } : {}),
    ...('unit_tests' in rest ? { unit_tests: itemsWithoutProse(rest.unit_tests) } : {}),
  };
}

function fingerprintOr(value: () => unknown, text: string): string {
  try {
    return fingerprint(value());
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    return textFingerprint(text);
  }
}

/**
 * A quoted string or identifier (skipped whole, so digits inside it stay), or a number that is
 * not part of a name: `col_2` and `t.2` keep their digits.
 */
const SQL_NUMBER = /('(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`)|(?<![\w$.])\d+(?:\.\d*)?(?:[eE][+-]?\d+)?(?![\w$.])/g;

/** The SQL with every number replaced by its shape: 0 for an integer, 0.0 for a decimal, 0e0 for an exponent. */
function numberShapes(sql: unknown): unknown {
  return typeof sql === 'string' ? sql.replace(SQL_NUMBER, (match, quoted?: string) => quoted ?? numberShape(match)) : sql;
}

function numberShape(number: string): string {
  return /[eE]/.test(number) ? '0e0' : number.includes('.') ? '0.0' : '0';
}

/** A fingerprint of fingerprints, for combining a spec's upstream in a fixed order. */
export function combineFingerprints(parts: readonly string[]): string {
  return fingerprint(parts);
}

/** Of a file that could not be parsed: its text, so that any edit to it counts. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function omitKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = object;
  return rest;
}

function fingerprint(value: unknown): string {
  const budget = { values: MAX_VALUES };
  return createHash('sha256').update(canonicalJson(value, budget)).digest('hex').slice(0, 16);
}

/** Far more values than a spec within the size limit can spell out without aliases. */
const MAX_VALUES = 1_000_000;

class TooLarge extends Error {}

/** JSON with object keys sorted, so that reordering keys in a spec is not an edit. */
function canonicalJson(value: unknown, budget: { values: number }): string {
  if (--budget.values < 0) throw new TooLarge();
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, budget)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], budget)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
