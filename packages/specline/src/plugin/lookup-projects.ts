import type { SpecSummary } from './spec-summary';

/**
 * The projects a dataset's relationships tests look values up in. Validate needs their specs
 * (the looked-up column must exist); test needs them and everything upstream of them (the
 * looked-up table is built from seeds). Neither is a lineage edge, so they enter the cache
 * key as inputs of other projects instead of as graph dependencies.
 */
const NO_LOOKUPS: LookupProjects = { direct: [], withUpstream: [] };

export interface LookupProjects {
  readonly direct: readonly string[];
  readonly withUpstream: readonly string[];
}

/** Indexes the datasets once per graph computation; the returned function answers per spec file. */
export function lookupResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
): (file: string) => LookupProjects {
  const datasets = new Map<string, SpecSummary>();
  for (const [specFile, summary] of summaries) {
    const name = names.get(specFile);
    if (name && (summary.kind === 'source' || summary.kind === 'model')) datasets.set(name, summary);
  }
  return (file) => lookupsOf(summaries.get(file), names.get(file), datasets);
}

function lookupsOf(summary: SpecSummary | undefined, own: string | undefined, datasets: ReadonlyMap<string, SpecSummary>): LookupProjects {
  if (!summary || summary.lookups.length === 0) return NO_LOOKUPS;
  const direct = summary.lookups.filter((name) => datasets.has(name) && name !== own);
  const closure = new Set<string>();
  const pending = [...direct];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (closure.has(name)) continue;
    closure.add(name);
    for (const read of datasets.get(name)?.reads ?? []) if (datasets.has(read)) pending.push(read);
  }
  closure.delete(own ?? '');
  return { direct: [...direct].sort(), withUpstream: [...closure].sort() };
}
