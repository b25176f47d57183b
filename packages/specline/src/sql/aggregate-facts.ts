import type * as polyglot from '@polyglot-sql/sdk';
import { outermostNodes, QUERY_TYPES } from './ast-nodes';
import { polyglotApi } from './polyglot-runtime';

export interface AggregateFacts {
  /** An aggregate of this expression's own rows: not inside a subquery, not inside OVER (…). */
  readonly hasAggregate: boolean;
  /** A window function outside any subquery. */
  readonly hasWindow: boolean;
  readonly hasSubquery: boolean;
  /** Upper-case name of the first aggregate or window function counted above, for messages. */
  readonly firstName?: string;
}

const QUERIES_AND_WINDOWS: ReadonlySet<string> = new Set([...QUERY_TYPES, 'window_function']);

/**
 * Polyglot knows which functions aggregate (COUNTIF, ARRAY_AGG, ANY_VALUE, …) but its helpers
 * also count aggregates inside subqueries and inside window functions. `x IN (SELECT MAX(y) …)`
 * is fine in a filter and `SUM(x) OVER ()` needs no GROUP BY, so those subtrees are subtracted.
 */
export function aggregateFacts(expression: unknown): AggregateFacts {
  const { ast } = polyglotApi();
  const node = expression as polyglot.ast.Expression;
  const queries = outermostNodes(expression, QUERY_TYPES);
  const aggregateHolders = outermostNodes(expression, QUERIES_AND_WINDOWS);

  const ownAggregates = withoutNested(
    ast.getAggregateFunctions(node),
    aggregateHolders.flatMap((holder) => ast.getAggregateFunctions(holder as polyglot.ast.Expression)),
  );
  const ownWindows = withoutNested(
    ast.getWindowFunctions(node),
    queries.flatMap((query) => ast.getWindowFunctions(query as polyglot.ast.Expression)),
  );

  const firstName = functionLabel(ownAggregates[0] ?? ownWindows[0]);
  return Object.freeze({
    hasAggregate: ownAggregates.length > 0,
    hasWindow: ownWindows.length > 0,
    hasSubquery: queries.length > 0,
    ...(firstName === undefined ? {} : { firstName }),
  });
}

/** Multiset difference: the helpers return copies, so equal JSON stands for the same node. */
function withoutNested<T>(all: readonly T[], nested: readonly T[]): T[] {
  const remaining = new Map<string, number>();
  for (const node of nested) remaining.set(JSON.stringify(node), (remaining.get(JSON.stringify(node)) ?? 0) + 1);
  return all.filter((node) => {
    const key = JSON.stringify(node);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}

/** Typed aggregate nodes carry their written name in `name` or `original_name`; fall back to the node type. */
function functionLabel(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const [type, data] = Object.entries(node)[0] ?? [];
  if (type === undefined) return undefined;
  const inner = (data ?? {}) as Record<string, unknown>;
  if (type === 'window_function') return functionLabel(inner['this']);
  const written = inner['original_name'] ?? inner['name'];
  return (typeof written === 'string' ? written : type).toUpperCase();
}
