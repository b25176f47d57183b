import type { Diagnostic } from '../diagnostics';
import type { LoadedSpec } from './loaded-spec';
import { readSpecFile } from './read';
import { specSourceOf, type SpecSource } from './spec-source';
import { validateSchema } from './schema';

export interface LoadedSpecs {
  readonly loaded: readonly LoadedSpec[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files that did not parse or failed their schema: left out of the catalog. */
  readonly rejected: readonly string[];
}

/** Reads, parses and schema-checks each file. A bad file is reported and skipped, never fatal. */
/** `specsDir` bounds where a spec that is a symbolic link may lead (default: each file's first folder). */
export async function loadSpecs(from: string | SpecSource, files: readonly string[], specsDir?: string): Promise<LoadedSpecs> {
  const source = specSourceOf(from);
  const loaded: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const rejected: string[] = [];
  for (const file of files) {
    const parsed = await readSpecFile(source, file, specsDir);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      rejected.push(file);
      continue;
    }
    const checked = validateSchema(parsed.doc);
    if (!checked.ok) {
      diagnostics.push(...checked.diagnostics);
      rejected.push(file);
      continue;
    }
    loaded.push({ doc: parsed.doc, spec: checked.spec });
  }
  return { loaded, diagnostics, rejected };
}
