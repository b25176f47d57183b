import type { Catalog, Dataset } from '../catalog';
import { generateCatalogCode, generateDatasetCode } from '../emitters';
import { exportCatalog, exportDataset } from '../exporters';
import type { CatalogRevision, GeneratedFileChange } from './impact-report';

/** The catalog-wide files' project, as GeneratedFileChange names it. */
export const CATALOG_PROJECT = 'catalog';

type FileSet = ReadonlyMap<string, string | Uint8Array>;

/**
 * The generated files that differ between two revisions, found by running the emitters and
 * exporters on both catalogs and comparing what they return (no output layout is assumed
 * here: a path is what the emitter or exporter names). `datasets` are the projects to compare;
 * the catalog-wide files are always compared. A project that either revision cannot generate,
 * because its spec, something upstream or the constitution has errors there (as its codegen
 * would refuse), is listed in `notGenerated` instead.
 */
export async function generatedFileChanges(
  base: CatalogRevision,
  head: CatalogRevision,
  datasets: readonly string[],
): Promise<{ changes: GeneratedFileChange[]; notGenerated: string[] }> {
  const changes: GeneratedFileChange[] = [];
  const notGenerated: string[] = [];
  for (const project of [...datasets].sort()) {
    const [before, after] = [datasetFiles(base, project), datasetFiles(head, project)];
    if (before === 'blocked' || after === 'blocked') notGenerated.push(project);
    else changes.push(...compareFiles(project, before, after));
  }
  const [before, after] = [await catalogFiles(base), await catalogFiles(head)];
  if (before === 'blocked' || after === 'blocked') notGenerated.push(CATALOG_PROJECT);
  else changes.push(...compareFiles(CATALOG_PROJECT, before, after));
  return { changes, notGenerated };
}

function datasetFiles(revision: CatalogRevision, name: string): { code: FileSet; document: FileSet } | 'blocked' {
  const catalog = revision.catalog;
  const dataset = catalog?.datasets.get(name);
  if (!catalog || !dataset) return { code: new Map(), document: new Map() };
  if (blocked(revision, catalog, dataset)) return 'blocked';
  // The project's own files (its contract, its orchestration) change with it as much as its trees' files.
  const generated = generateDatasetCode(catalog, dataset);
  return {
    code: new Map([...generated.files, ...generated.projectFiles].map((file) => [file.path, file.content])),
    document: new Map(exportDataset(dataset, catalog).map((file) => [file.path, file.content])),
  };
}

/**
 * Compared only when the revision has no error at all: with a broken dataset the catalog-wide
 * targets write the valid part of the catalog (validPartOf), which depends on what else is
 * broken, so the report lists the catalog as not compared rather than guess.
 */
async function catalogFiles(revision: CatalogRevision): Promise<{ code: FileSet; document: FileSet } | 'blocked'> {
  const catalog = revision.catalog;
  if (!catalog || revision.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return 'blocked';
  return {
    code: new Map(generateCatalogCode(catalog).files.map((file) => [file.path, file.content])),
    document: new Map((await exportCatalog(catalog)).map((file) => [file.path, file.content])),
  };
}

/** As a dataset's codegen and export refuse: an error in its spec, upstream of it, or in the constitution. */
function blocked(revision: CatalogRevision, catalog: Catalog, dataset: Dataset): boolean {
  const relevant = new Set([
    dataset.file,
    catalog.constitution.file,
    ...catalog.graph.upstreamOf(dataset.name).flatMap((name) => catalog.datasets.get(name)?.file ?? []),
  ]);
  return revision.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && relevant.has(diagnostic.location.file));
}

function compareFiles(
  project: string,
  before: { code: FileSet; document: FileSet },
  after: { code: FileSet; document: FileSet },
): GeneratedFileChange[] {
  return (['code', 'document'] as const).flatMap((kind) => {
    const paths = [...new Set([...before[kind].keys(), ...after[kind].keys()])].sort();
    return paths.flatMap((path): GeneratedFileChange[] => {
      const [old, now] = [before[kind].get(path), after[kind].get(path)];
      if (old === undefined) return [{ project, kind, path, change: 'added' }];
      if (now === undefined) return [{ project, kind, path, change: 'removed' }];
      return sameContent(old, now) ? [] : [{ project, kind, path, change: 'changed' }];
    });
  });
}

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
