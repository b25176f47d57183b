import type { Diagnostic } from '../diagnostics';
import { DatasetGraph } from './dataset-graph';
import type { Catalog, Dataset } from './nodes';

export interface ValidPart {
  readonly catalog: Catalog;
  /** The datasets left out: those whose spec has an error, and everything that reads them. */
  readonly leftOut: readonly string[];
}

/**
 * The part of a catalog that validates, for the catalog-wide files (dbt_project.yml, the
 * workbook, build.sql): one broken model must not stop the project's other files from being
 * written. A dataset whose spec has an error is left out, and so is every dataset that reads
 * it, directly or not. Undefined when an error is outside every dataset's spec (the
 * constitution, a glossary, a workflow, a file that does not load): then nothing can be
 * trusted to be whole.
 */
export function validPartOf(catalog: Catalog, diagnostics: readonly Diagnostic[]): ValidPart | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const byFile = new Map([...catalog.datasets.values()].map((dataset) => [dataset.file, dataset]));
  const broken = new Set<string>();
  for (const error of errors) {
    const dataset = byFile.get(error.location.file);
    if (!dataset) return undefined;
    broken.add(dataset.name);
  }
  const leftOut = new Set<string>();
  for (const dataset of catalog.datasets.values())
    if (broken.has(dataset.name) || catalog.graph.upstreamOf(dataset.name).some((name) => broken.has(name))) leftOut.add(dataset.name);
  if (leftOut.size === 0) return { catalog, leftOut: [] };
  const kept = (dataset: Dataset) => !leftOut.has(dataset.name);
  const datasets = new Map([...catalog.datasets].filter(([, dataset]) => kept(dataset)));
  const edges = [...datasets.keys()].flatMap((name) => catalog.graph.inputsOf(name).map((input) => [input, name] as const));
  return {
    catalog: {
      ...catalog,
      sources: catalog.sources.filter(kept),
      models: catalog.models.filter(kept),
      datasets,
      graph: new DatasetGraph(datasets.keys(), edges),
    },
    leftOut: [...leftOut].sort(),
  };
}
