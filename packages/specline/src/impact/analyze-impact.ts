import { tableColumnsOf, type Catalog, type Dataset, type Located } from '../catalog';
import { ColumnGraph, type ColumnRef } from '../lineage';
import { columnFindings, pairColumns } from './column-changes';
import { sameValue } from './comparable';
import { datasetFindings } from './dataset-changes';
import { CATALOG_PROJECT, generatedFileChanges } from './generated-files';
import {
  CHANGE_CATEGORIES,
  mostSevere,
  severityRank,
  type CatalogRevision,
  type ChangeCategory,
  type Finding,
  type ImpactEntry,
  type ImpactReport,
} from './impact-report';
import { downstreamOf, testsCovering } from './reach';

export type ResolvedRevision = CatalogRevision & { readonly catalog: Catalog };

/** An entry before its reach is known: what changed, and which columns it changed. */
interface Change {
  readonly subject: string;
  readonly dataset?: string;
  readonly column?: string;
  readonly findings: readonly Finding[];
  readonly location: string;
  /** The columns whose consumers the change reaches (for breaking and data-changing changes). */
  readonly columns: readonly ColumnRef[];
  /** Datasets whose every test and generated file belong to the change (a change to a dataset as a whole). */
  readonly wholeDatasets: readonly string[];
  /** Datasets whose generated files the change may alter besides its downstream ones. */
  readonly projects: readonly string[];
}

/**
 * Compares two resolved catalogs, per column, and follows each change downstream through
 * column lineage to the columns, tests and generated files it reaches. The head may have
 * errors: what did resolve is compared, and the errors are part of the report (a column
 * removed while a model downstream still reads it is an error there, and a breaking change here).
 */
export async function analyzeImpact(base: ResolvedRevision, head: ResolvedRevision): Promise<ImpactReport> {
  const changes = [
    ...datasetChanges(base, head),
    ...constitutionChanges(base.catalog, head.catalog),
    ...glossaryChanges(base.catalog, head.catalog),
  ];
  const graphs = [new ColumnGraph(base.catalog), new ColumnGraph(head.catalog)];
  const reached = changes.map((change) => {
    const category = mostSevere(change.findings);
    const downstream = category === 'breaking' || category === 'data-changing' ? downstreamOf(change.columns, graphs) : [];
    return { change, category, downstream };
  });
  const allDatasets = [...new Set([...base.catalog.datasets.keys(), ...head.catalog.datasets.keys()])];
  const projects = new Set(
    reached.flatMap(({ change, downstream }) =>
      change.subject === 'constitution' ? allDatasets : [...change.projects, ...downstream.map((column) => column.dataset)],
    ),
  );
  const files = await generatedFileChanges(base, head, [...projects]);
  const order = buildOrder(base.catalog, head.catalog);
  const entries = reached
    .map(({ change, category, downstream }): ImpactEntry => {
      const own = new Set(change.subject === 'constitution' ? [...allDatasets, CATALOG_PROJECT] : change.projects);
      const downstreamDatasets = new Set(downstream.map((column) => column.dataset));
      return {
        subject: change.subject,
        ...(change.dataset ? { dataset: change.dataset } : {}),
        ...(change.column ? { column: change.column } : {}),
        category,
        findings: change.findings,
        location: change.location,
        downstream,
        tests:
          category === 'documentation'
            ? []
            : testsCovering([...change.columns, ...downstream], change.wholeDatasets, [head.catalog, base.catalog]),
        generatedFiles: files.changes.filter((file) => own.has(file.project) || downstreamDatasets.has(file.project)),
      };
    })
    .sort(
      (a, b) =>
        severityRank(a.category) - severityRank(b.category) ||
        (order.get(a.dataset ?? '') ?? -1) - (order.get(b.dataset ?? '') ?? -1) ||
        columnOrder(a, head.catalog, base.catalog) - columnOrder(b, head.catalog, base.catalog) ||
        (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
    );
  const counts = Object.fromEntries(CHANGE_CATEGORIES.map((category) => [category, 0])) as Record<ChangeCategory, number>;
  for (const entry of entries) counts[entry.category]++;
  return {
    base: base.label,
    head: head.label,
    counts,
    entries,
    headErrors: head.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => ({ location: locationOf(diagnostic), code: diagnostic.code, message: diagnostic.message })),
    generatedFiles: files.changes,
    notGenerated: files.notGenerated,
  };
}

function datasetChanges(base: ResolvedRevision, head: ResolvedRevision): Change[] {
  const names = [...new Set([...base.catalog.datasets.keys(), ...head.catalog.datasets.keys()])];
  return names.flatMap((name): Change[] => {
    const [before, after] = [base.catalog.datasets.get(name), head.catalog.datasets.get(name)];
    const whole = (findings: Finding[], at: Dataset): Change => ({
      subject: name,
      dataset: name,
      findings,
      location: locationOf(at),
      columns: [...columnsOf(before), ...columnsOf(after)].filter(
        (column, i, all) => all.findIndex((other) => other.column === column.column) === i,
      ),
      wholeDatasets: [name],
      projects: [name],
    });
    if (before && !after) {
      const rejected = head.rejected.includes(before.file);
      return [
        whole([{ category: 'breaking', change: rejected ? 'spec does not load at head' : 'dataset removed', before: before.kind }], before),
      ];
    }
    if (!before) return [{ ...whole([{ category: 'non-breaking', change: 'dataset added', after: after!.kind }], after!), columns: [] }];
    const overall = datasetFindings(before, after!);
    const declared = declaredColumns(head, after!.file);
    const columns = pairColumns(before, after!, declared).flatMap((pair): Change[] => {
      const findings = columnFindings(pair);
      if (findings.length === 0) return [];
      return [
        {
          subject: `${name}.${pair.name}`,
          dataset: name,
          column: pair.name,
          findings,
          location: locationOf(pair.head ?? pair.base!),
          columns: [{ dataset: name, column: pair.name }],
          wholeDatasets: [],
          projects: [name],
        },
      ];
    });
    return [...(overall.length > 0 ? [whole(overall, after!)] : []), ...columns];
  });
}

/** The column names a spec file declares at a revision, resolved or not. */
function declaredColumns(revision: CatalogRevision, file: string): ReadonlySet<string> {
  const spec = revision.specs.find((loaded) => loaded.doc.file === file)?.spec;
  return new Set(spec && (spec.kind === 'model' || spec.kind === 'source') ? spec.columns.map((column) => column.name) : []);
}

function constitutionChanges(base: Catalog, head: Catalog): Change[] {
  const [before, after] = [base.constitution, head.constitution];
  const prose = new Set(['description', 'owner']);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !['location', 'pointer', 'file'].includes(key),
  ) as (keyof typeof before)[];
  const findings = keys
    .filter((key) => !sameValue(before[key], after[key]))
    .sort()
    .map((key): Finding => ({ category: prose.has(key) ? 'documentation' : 'non-breaking', change: `${key} changed` }));
  if (findings.length === 0) return [];
  return [{ subject: 'constitution', findings, location: locationOf(after), columns: [], wholeDatasets: [], projects: [CATALOG_PROJECT] }];
}

/** Terms are the semantic layer's prose; a term removed while bound is an error at head (REF004). */
function glossaryChanges(base: Catalog, head: Catalog): Change[] {
  const names = [...new Set([...base.glossary.map((term) => term.name), ...head.glossary.map((term) => term.name)])].sort();
  return names.flatMap((name): Change[] => {
    const before = base.glossary.find((term) => term.name === name);
    const after = head.glossary.find((term) => term.name === name);
    if (before && after && sameValue(before, after)) return [];
    const change = !before ? 'term added' : !after ? 'term removed' : 'term changed';
    const binding = [...base.datasets.values(), ...head.datasets.values()]
      .filter((dataset) => dataset.columns.some((column) => column.glossary === name))
      .map((dataset) => dataset.name);
    return [
      {
        subject: `glossary:${name}`,
        findings: [{ category: 'documentation', change }],
        location: locationOf((after ?? before)!),
        columns: [],
        wholeDatasets: [],
        projects: [...new Set(binding), CATALOG_PROJECT],
      },
    ];
  });
}

function columnsOf(dataset: Dataset | undefined): ColumnRef[] {
  return dataset ? tableColumnsOf(dataset).map((column) => ({ dataset: dataset.name, column: column.name })) : [];
}

function locationOf(located: Pick<Located, 'location'>): string {
  return `${located.location.file}:${located.location.line}:${located.location.column}`;
}

/** Sources, then models upstream first: the head's order, then what only the base has. */
function buildOrder(base: Catalog, head: Catalog): Map<string, number> {
  const order = new Map<string, number>();
  for (const dataset of [...head.sources, ...head.models, ...base.sources, ...base.models])
    if (!order.has(dataset.name)) order.set(dataset.name, order.size);
  return order;
}

/** A dataset's own entry first, then its columns as declared. */
function columnOrder(entry: ImpactEntry, head: Catalog, base: Catalog): number {
  if (!entry.dataset || !entry.column) return -1;
  for (const catalog of [head, base]) {
    const index = catalog.datasets.get(entry.dataset)?.columns.findIndex((column) => column.name === entry.column) ?? -1;
    if (index >= 0) return index;
  }
  return Number.MAX_SAFE_INTEGER;
}
