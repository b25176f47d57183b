import type { Constitution } from '../../catalog';
import type { ColumnDraft } from '../../importers';

export interface SourceSpecInput {
  readonly system: string;
  readonly table: string;
  readonly connector?: string;
  readonly description: string;
  readonly owner?: string;
  readonly columns: readonly ColumnDraft[];
  readonly primaryKey: readonly string[];
  readonly load: 'full' | 'incremental';
  readonly cursor?: string;
  readonly seed?: string;
  /** Per column, the dataset and column a REFERENCES in the DDL points at. */
  readonly relationships?: ReadonlyMap<string, { readonly to: string; readonly field: string }>;
}

/** Whether the constitution's PII policy names this column; such columns must say pii explicitly. */
export function looksLikePii(constitution: Constitution, column: string): boolean {
  return constitution.pii.detect.some((pattern) => new RegExp(pattern, 'i').test(column));
}

/**
 * The source spec object, in the key order hand-written specs use. Primary key columns get
 * the tests the constitution's primary_key_tests rule asks for, and columns the PII policy
 * matches are marked pii: true: a false positive is one word to change, a false negative leaks.
 */
export function buildSourceSpec(input: SourceSpecInput, constitution: Constitution): Record<string, unknown> {
  const keyTests = input.primaryKey.length === 1 ? ['not_null', 'unique'] : ['not_null'];
  const spec: Record<string, unknown> = { kind: 'source', name: input.table, system: input.system };
  if (input.connector) spec['connector'] = input.connector;
  spec['description'] = input.description;
  if (input.owner) spec['owner'] = input.owner;
  if (input.primaryKey.length > 0) spec['primary_key'] = [...input.primaryKey];
  spec['load'] = input.cursor ? { strategy: input.load, cursor: input.cursor } : { strategy: input.load };
  if (input.seed) spec['seed'] = input.seed;
  spec['columns'] = input.columns.map((column) => {
    const inKey = input.primaryKey.includes(column.name);
    const out: Record<string, unknown> = { name: column.name, type: column.type };
    if (!column.nullable || inKey) out['nullable'] = false;
    if (column.description) out['description'] = column.description;
    if (looksLikePii(constitution, column.name)) out['pii'] = true;
    const tests: unknown[] = inKey && constitution.primaryKeyTests ? [...keyTests] : [];
    if (column.unique && !tests.includes('unique')) tests.push('unique');
    if (column.acceptedValues) tests.push({ accepted_values: [...column.acceptedValues] });
    const relationship = input.relationships?.get(column.name);
    if (relationship) tests.push({ relationships: { ...relationship } });
    if (tests.length > 0) out['tests'] = tests;
    return out;
  });
  return spec;
}
