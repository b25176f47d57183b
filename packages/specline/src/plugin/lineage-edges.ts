import type { SpecSummary } from './spec-summary';

/**
 * The project graph's lineage: each dataset depends on every source and model it reads, and
 * on the glossary that defines the terms its columns bind to. Resolved inside the batched
 * createNodes, which already holds every spec's summary; createDependencies only hands the
 * result to Nx.
 */
export function lineageResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
): (file: string) => string[] {
  const datasets = new Set<string>();
  const termOwners = new Map<string, string>();
  // Sorted, so that when two glossaries define a term the same one wins on every machine.
  for (const file of [...summaries.keys()].sort()) {
    const summary = summaries.get(file)!;
    const name = names.get(file);
    if (!name) continue;
    if (summary.kind === 'source' || summary.kind === 'model') datasets.add(name);
    if (summary.kind === 'glossary') for (const term of summary.terms) if (!termOwners.has(term)) termOwners.set(term, name);
  }
  // Remembered: createNodes asks once per project, the upstream fingerprints once per visit.
  const resolved = new Map<string, string[]>();
  return (file) => {
    let edges = resolved.get(file);
    if (!edges) resolved.set(file, (edges = edgesOf(file)));
    return edges;
  };

  function edgesOf(file: string): string[] {
    const summary = summaries.get(file);
    const own = names.get(file);
    if (!summary || !own || (summary.kind !== 'model' && summary.kind !== 'source')) return [];
    const targets = new Set<string>();
    for (const read of summary.reads) if (datasets.has(read) && read !== own) targets.add(read);
    for (const term of summary.terms) {
      const glossary = termOwners.get(term);
      if (glossary) targets.add(glossary);
    }
    return [...targets].sort();
  }
}
