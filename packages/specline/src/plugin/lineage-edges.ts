import type { SpecSummary } from './spec-summary';

/**
 * The project graph's edges, which are exactly the table-level lineage: each dataset depends
 * on every source and model it reads, and on nothing else. What else a project's tasks read
 * (the glossary, the constitution, every spec for the catalog) enters as inputs instead (see
 * glossary-inputs.ts and catalog-project.ts), so that `nx graph` is the lineage an architect
 * reads. Resolved inside the batched createNodes, which already holds every spec's summary;
 * createDependencies only hands the result to Nx.
 */
export function lineageResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
): (file: string) => string[] {
  const datasets = new Set<string>();
  for (const [file, summary] of summaries) {
    const name = names.get(file);
    if (name && (summary.kind === 'source' || summary.kind === 'model')) datasets.add(name);
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
    return [...new Set(summary.reads.filter((read) => datasets.has(read) && read !== own))].sort();
  }
}
