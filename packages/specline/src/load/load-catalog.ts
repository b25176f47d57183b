import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { findSpecFiles } from '../spec/find-spec-files';
import { loadSpecs } from '../spec/load-specs';
import { specSourceOf, type SpecSource } from '../spec/spec-source';
import { initSql } from '../sql';
import { checkConstitutionRules } from '../validate';
import { buildCatalog } from '../catalog/build-catalog';
import type { Catalog } from '../catalog/nodes';
import type { LoadedSpec } from '../spec/loaded-spec';

export interface LoadedCatalog {
  readonly catalog?: Catalog;
  /** Sorted by file, line, column and code. */
  readonly diagnostics: readonly Diagnostic[];
  /** Spec files that did not parse or failed their schema. */
  readonly rejected: readonly string[];
  /**
   * The spec files that passed their schema, as written: what a file declares even where the
   * catalog had to leave a part out (impact analysis tells an unresolved column from a removed one).
   */
  readonly specs: readonly LoadedSpec[];
}

/**
 * The one entry point from spec files to the resolved model, in ordered passes:
 * read and parse -> JSON Schema -> build and resolve references -> constitution rules.
 * `from` is the workspace root on disk, or another source (a generator's Nx Tree);
 * `specsDir` bounds where a spec that is a symbolic link may lead.
 */
export async function loadCatalog(from: string | SpecSource, files: readonly string[], specsDir?: string): Promise<LoadedCatalog> {
  await initSql();
  const source = specSourceOf(from);
  const { loaded, diagnostics, rejected } = await loadSpecs(source, files, specsDir);
  const constitutionPath = files.find((f) => /(^|\/)constitution\.(ya?ml|json)$/.test(f));
  const built = buildCatalog(loaded, { fileExists: (file) => source.exists(file), constitutionPath });
  const all = [...diagnostics, ...built.diagnostics];
  if (built.catalog) {
    const docs = new Map(loaded.map((s) => [s.doc.file, s.doc]));
    all.push(
      ...checkConstitutionRules(
        built.catalog,
        (file, pointer) => docs.get(file)?.positions.locate(pointer) ?? { file, line: 1, column: 1 },
      ),
    );
  }
  return { catalog: built.catalog, diagnostics: all.sort(compareDiagnostics), rejected, specs: loaded };
}

/** What loads a list of spec files: loadCatalog, or an executor's snapshot in front of it. */
export type SpecFilesLoader<R extends { readonly diagnostics: readonly Diagnostic[] }> = (
  source: SpecSource,
  files: readonly string[],
  specsDir: string,
) => Promise<R>;

/**
 * Lists the specs folder and loads it; a folder that cannot be listed is one more
 * diagnostic. `scope` narrows the files (an executor loads only what its tasks need), and
 * `load` replaces loadCatalog where the executors keep a snapshot (executors/catalog-snapshot.ts).
 */
export function loadSpecsFolder(
  from: string | SpecSource,
  specsDir: string,
  scope?: (files: readonly string[]) => readonly string[] | undefined,
): Promise<LoadedCatalog>;
export function loadSpecsFolder<R extends { readonly diagnostics: readonly Diagnostic[] }>(
  from: string | SpecSource,
  specsDir: string,
  scope: ((files: readonly string[]) => readonly string[] | undefined) | undefined,
  load: SpecFilesLoader<R>,
): Promise<R>;
export async function loadSpecsFolder(
  from: string | SpecSource,
  specsDir: string,
  scope?: (files: readonly string[]) => readonly string[] | undefined,
  load: SpecFilesLoader<{ readonly diagnostics: readonly Diagnostic[] }> = loadCatalog,
): Promise<{ readonly diagnostics: readonly Diagnostic[] }> {
  const source = specSourceOf(from);
  const found = await findSpecFiles(source, specsDir);
  const loaded = await load(source, scope?.(found.files) ?? found.files, specsDir);
  return { ...loaded, diagnostics: [...found.diagnostics, ...loaded.diagnostics].sort(compareDiagnostics) };
}
