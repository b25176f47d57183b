import type { Catalog, Model } from '../catalog';
import { compileModelSelect, compileScd2Apply, createTableIfMissing, warehouseRelation } from '../compiler';
import { formatDiagnostics } from '../diagnostics';
import { quoteIdentifier } from '../sql';

/**
 * What the tests run: a SELECT that reads each input by its warehouse name (raw.<table>,
 * <schema>.<model>), as the generated code or a hand-written implementation would. For
 * scd2, `scd2Apply` turns one snapshot into history; it defaults to the generated apply.
 */
export interface ModelImplementation {
  readonly label: string;
  readonly select: string;
  readonly scd2Apply?: (target: string, snapshot: string) => string[];
}

/** The implementation the spec itself generates; throws with file:line:col when it cannot compile. */
export function specImplementation(catalog: Catalog, model: Model): ModelImplementation {
  const compiled = compileModelSelect(catalog, model, 'duckdb', warehouseRelation(catalog, 'duckdb'));
  if (!compiled.ok) {
    throw new Error(formatDiagnostics(compiled.diagnostics));
  }
  return { label: `${model.name} (generated from ${model.file})`, select: compiled.value };
}

/** The statements that load one snapshot of `implementation` into `target`. */
export function loadStatements(model: Model, implementation: ModelImplementation, target: string): string[] {
  if (model.load.strategy !== 'scd2') return [`CREATE OR REPLACE TABLE ${target} AS\n${implementation.select}`];
  const snapshot = quoteIdentifier(`${model.name}__snapshot`, 'duckdb');
  const apply = implementation.scd2Apply ?? ((t: string, s: string) => compileScd2Apply(model, 'duckdb', t, s));
  return [
    createTableIfMissing(model, 'duckdb', target),
    `CREATE OR REPLACE TEMPORARY VIEW ${snapshot} AS\n${implementation.select}`,
    ...apply(target, snapshot),
  ];
}
