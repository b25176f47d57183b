import type { SpecSummary } from './spec-summary';

/** The glossaries a dataset's columns bind terms of: their project names and spec files. */
export interface GlossaryBindings {
  readonly projects: readonly string[];
  readonly files: readonly string[];
}

const NONE: GlossaryBindings = { projects: [], files: [] };

/**
 * Which glossaries each dataset binds to. Not a graph edge, since a glossary is not lineage:
 * the glossary file is an input of the dataset's validate instead (GLOSSARY_INPUT in
 * targets.ts), which is what makes `nx affected` count the dataset as touched when the
 * glossary changes; the glossary's behaviour enters every other target's cache key through
 * the `upstream` fingerprint, so a glossary's prose re-runs only validate.
 */
export function glossaryResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
): (file: string) => GlossaryBindings {
  const termOwners = new Map<string, string>();
  // Sorted, so that when two glossaries define a term the same one wins on every machine.
  for (const file of [...summaries.keys()].sort()) {
    const summary = summaries.get(file)!;
    if (summary.kind === 'glossary' && names.has(file))
      for (const term of summary.terms) if (!termOwners.has(term)) termOwners.set(term, file);
  }
  return (file) => {
    const summary = summaries.get(file);
    if (!summary || (summary.kind !== 'model' && summary.kind !== 'source')) return NONE;
    const files = [...new Set(summary.terms.flatMap((term) => termOwners.get(term) ?? []))].sort();
    return files.length === 0 ? NONE : { files, projects: files.map((owner) => names.get(owner)!) };
  };
}
