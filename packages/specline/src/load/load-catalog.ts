import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { loadSpecs } from '../spec/load-specs';
import { initSql } from '../sql';
import { checkConstitutionRules } from '../validate';
import { buildCatalog } from '../catalog/build-catalog';
import type { Catalog } from '../catalog/nodes';

export interface LoadedCatalog {
  readonly catalog?: Catalog;
  /** Sorted by file, line, column and code. */
  readonly diagnostics: readonly Diagnostic[];
  /** Spec files that did not parse or failed their schema. */
  readonly rejected: readonly string[];
}

/**
 * The one entry point from spec files to the resolved model, in ordered passes:
 * read and parse -> JSON Schema -> build and resolve references -> constitution rules.
 */
export async function loadCatalog(workspaceRoot: string, files: readonly string[]): Promise<LoadedCatalog> {
  await initSql();
  const { loaded, diagnostics, rejected } = await loadSpecs(workspaceRoot, files);
  const constitutionPath = files.find((f) => /(^|\/)constitution\.(ya?ml|json)$/.test(f));
  const built = buildCatalog(loaded, { fileExists: (file) => existsSync(path.join(workspaceRoot, file)), constitutionPath });
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
  return { catalog: built.catalog, diagnostics: all.sort(compareDiagnostics), rejected };
}
