import type { Catalog, Dataset } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import type { OutputFile } from '../output';
import type { Target } from '../spec/types';

/** One file an emitter produces, relative to the project's output folder: always text. */
export type GeneratedFile = OutputFile<string>;

/** Files, or the diagnostics that explain why a platform cannot be generated (then no files). */
export interface EmitResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * One target platform. `emit` covers one source or model; `emitCatalog` covers the files that
 * belong to the whole catalog (project settings, DAGs), written once by the catalog project.
 * Every emitter reads the resolved catalog only.
 */
export interface Emitter {
  readonly name: Target;
  emit(catalog: Catalog, dataset: Dataset): EmitResult;
  emitCatalog?(catalog: Catalog): EmitResult;
}

export function emitted(files: readonly GeneratedFile[]): EmitResult {
  return { files, diagnostics: [] };
}

export function refused(diagnostics: readonly Diagnostic[]): EmitResult {
  return { files: [], diagnostics };
}
