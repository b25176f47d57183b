import type { Catalog, Model } from '../catalog';
import { compileModelSelect, compileScd2Apply, createTableIfMissing } from '../compiler';
import { formatDiagnostics } from '../diagnostics';
import { DUCKDB_ENGINE, type TestEngine } from './test-engine';

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

/** The implementation the spec itself generates for `engine`; throws with file:line:col when it cannot compile. */
export function specImplementation(catalog: Catalog, model: Model, engine: TestEngine = DUCKDB_ENGINE): ModelImplementation {
  const compiled = compileModelSelect(catalog, model, engine.dialect, engine.relationOf(catalog));
  if (!compiled.ok) {
    throw new Error(formatDiagnostics(compiled.diagnostics));
  }
  return { label: `${model.name} (generated from ${model.file})`, select: compiled.value };
}

/** The statements that load one snapshot of `implementation` into `target`. */
export function loadStatements(
  model: Model,
  implementation: ModelImplementation,
  target: string,
  engine: TestEngine = DUCKDB_ENGINE,
): string[] {
  if (model.load.strategy !== 'scd2') return engine.replaceTableAs(target, implementation.select);
  const snapshot = engine.quote(`${model.name}__snapshot`);
  const apply = implementation.scd2Apply ?? ((t: string, s: string) => compileScd2Apply(model, engine.dialect, t, s));
  return [
    createTableIfMissing(model, engine.dialect, target),
    `CREATE OR REPLACE TEMPORARY VIEW ${snapshot} AS\n${implementation.select}`,
    ...apply(target, snapshot),
  ];
}
