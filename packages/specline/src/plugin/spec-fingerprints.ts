import { createHash } from 'node:crypto';

/**
 * Graph-time fingerprints of one spec, computed from the same quick parse as its summary.
 *
 * Nx hashes a project's configuration, every target's options included, into the cache key
 * of each of its tasks. A fingerprint of what a project's tasks read from *other* specs,
 * passed as a target option, therefore makes their keys change exactly when that does. This
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
  const { description: _description, $schema: _schema, ...rest } = data;
  const withoutProse = (items: unknown) =>
    Array.isArray(items)
      ? items.map((item) =>
          item && typeof item === 'object' && !Array.isArray(item) ? omitKey(item as Record<string, unknown>, 'description') : item,
        )
      : items;
  try {
    return fingerprint({
      ...rest,
      ...('columns' in rest ? { columns: withoutProse(rest.columns) } : {}),
      ...('unit_tests' in rest ? { unit_tests: withoutProse(rest.unit_tests) } : {}),
    });
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    return textFingerprint(text);
  }
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
