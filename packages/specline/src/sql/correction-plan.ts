import type { SqlDialect } from './dialects';

/** A function call (or typed node such as SAFE_CAST) found in the source AST. */
export interface SourceCall {
  /** Upper-case name: the written name of a generic call, or the node type (SAFE_CAST, CAST). */
  readonly name: string;
  /** Arguments of a generic call; empty for typed nodes, which entries read from `data`. */
  readonly args: readonly unknown[];
  /** The typed node's fields, e.g. `this` and `to` of a cast. */
  readonly data: Readonly<Record<string, unknown>>;
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
    }
  | { readonly kind: 'unsupported'; readonly message: string; readonly hint: string };

/** Returns undefined when polyglot's own translation of this call is already right. */
export type PlanFor = (call: SourceCall) => CorrectionPlan | undefined;

export interface SemanticCorrection {
  /** Upper-case names this entry matches. */
  readonly names: readonly string[];
  /** Dialects in which the names have the semantics the entry preserves. */
  readonly sourceDialects: readonly SqlDialect[];
  readonly targets: Readonly<Partial<Record<SqlDialect, PlanFor>>>;
}

export function rewrite(carry: readonly unknown[], render: (args: readonly string[]) => string | undefined, atomic = true): CorrectionPlan {
  return { kind: 'rewrite', carry, render, atomic };
}

export function unsupported(message: string, hint: string): CorrectionPlan {
  return { kind: 'unsupported', message, hint };
}
