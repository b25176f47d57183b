import type { ColumnTypes } from '../column-types';

/** A function call (or typed node such as SAFE_CAST) found in the source AST. */
export interface SourceCall {
  /** Upper-case name: the written name of a generic call, or the node type (SAFE_CAST, CAST). */
  readonly name: string;
  /** Arguments of a generic call; empty for typed nodes, which entries read from `data`. */
  readonly args: readonly unknown[];
  /** The typed node's fields, e.g. `this` and `to` of a cast. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The declared types of the columns in scope, for corrections whose meaning depends on an argument's type. */
  readonly columns: ColumnTypes;
}

/**
 * What to do with one call for one target. A rewrite carries source-dialect argument nodes
 * through polyglot, which translates each of them, and then renders the target SQL around the
 * translated argument texts. `atomic` says whether the rendered SQL is safe next to any
 * operator; if not, it is parenthesised unless it stands alone.
 */
export type CorrectionPlan =
  | {
      readonly kind: 'rewrite';
      readonly carry: readonly unknown[];
      readonly render: (args: readonly string[]) => string | undefined;
      readonly atomic: boolean;
      /** A source type node: the rewritten call is wrapped in CAST(… AS type), which callers around it can read. */
      readonly castTo?: unknown;
    }
  /** A new source node for the call, translated by polyglot like any other, e.g. the call inside a CAST. */
  | { readonly kind: 'replace'; readonly build: (node: unknown) => unknown }
  | { readonly kind: 'unsupported'; readonly message: string; readonly hint: string };

/** Returns undefined when polyglot's own translation of this call is already right. */
export type PlanFor = (call: SourceCall) => CorrectionPlan | undefined;

export function rewrite(carry: readonly unknown[], render: (args: readonly string[]) => string | undefined, atomic = true): CorrectionPlan {
  return { kind: 'rewrite', carry, render, atomic };
}

export function replace(build: (node: unknown) => unknown): CorrectionPlan {
  return { kind: 'replace', build };
}

export function unsupported(message: string, hint: string): CorrectionPlan {
  return { kind: 'unsupported', message, hint };
}

/** Rewrites a call of exactly `count` arguments; with any other count it is refused. */
export function rewriteArgs(call: SourceCall, count: number, render: (args: readonly string[]) => string, atomic = true): CorrectionPlan {
  if (call.args.length !== count) {
    return unsupported(
      `${call.name} with ${call.args.length} arguments cannot be translated safely.`,
      `Call ${call.name} with exactly ${count} arguments.`,
    );
  }
  return rewrite(call.args, render, atomic);
}

/** Rewrites a call of one argument; with any other count polyglot's translation stands. */
export function rewriteOneArg(call: SourceCall, render: (x: string) => string): CorrectionPlan | undefined {
  return call.args.length === 1 ? rewrite(call.args, ([x]) => (x === undefined ? undefined : render(x))) : undefined;
}
