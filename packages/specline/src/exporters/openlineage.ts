import type { Catalog, Dataset, Model } from '../catalog';
import { fragmentSourcesOf, hopsInto, type ColumnHop, type UpstreamColumn } from '../lineage';

/** The facet version this shape follows: https://openlineage.io/docs/spec/facets/dataset-facets/column_lineage_facet */
export const COLUMN_LINEAGE_SCHEMA_URL = 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json';
/** Every facet names its producer (a URI); without a version, so the same specs give the same bytes across releases. */
export const OPENLINEAGE_PRODUCER = 'https://www.npmjs.com/package/@specline/nx-plugin';

export interface OpenLineageTransformation {
  readonly type: 'DIRECT' | 'INDIRECT';
  readonly subtype: 'IDENTITY' | 'TRANSFORMATION' | 'AGGREGATION' | 'JOIN' | 'FILTER' | 'GROUP_BY';
  readonly description: string;
  readonly masking: boolean;
}

export interface OpenLineageInputField {
  readonly namespace: string;
  readonly name: string;
  readonly field: string;
  readonly transformations: OpenLineageTransformation[];
}

export interface ColumnLineageFacet {
  readonly _producer: string;
  readonly _schemaURL: string;
  readonly fields: Record<string, { readonly inputFields: OpenLineageInputField[] }>;
  /** Inputs that shape every row rather than one column: join keys, filters, grouping. */
  readonly dataset: OpenLineageInputField[];
}

/** A dataset as OpenLineage names it (namespace: the warehouse; name: schema.table), with its column lineage. */
export interface OpenLineageDataset {
  readonly namespace: string;
  readonly name: string;
  readonly facets: { readonly columnLineage: ColumnLineageFacet };
}

/** Aggregates that keep none of the values they read, which OpenLineage calls masking. */
const MASKING_AGGREGATES = new Set(['count', 'count_distinct']);

/**
 * One dataset's columnLineage facet, from the resolved model: each column's direct inputs
 * (IDENTITY, TRANSFORMATION or AGGREGATION, with the transform as its description) and the
 * model's indirect ones (JOIN keys, FILTER conditions, GROUP_BY columns). A source reads
 * nothing in the catalog, so its fields list no inputs. Hops across several datasets are these
 * documents chained: each names its inputs by the same namespace and name as their own document.
 */
export function toOpenLineageDataset(catalog: Catalog, dataset: Dataset): OpenLineageDataset {
  const fields: Record<string, { inputFields: OpenLineageInputField[] }> = {};
  for (const column of dataset.columns) fields[column.name] = { inputFields: [] };
  const indirect: OpenLineageInputField[] = [];
  if (dataset.kind === 'model') {
    for (const hop of hopsInto(dataset, catalog.datasets))
      add(fields[hop.to.column].inputFields, catalog, hop.from.dataset, hop.from.column, direct(catalog, dataset, hop));
    for (const { from, transformation } of indirectInputs(catalog, dataset))
      add(indirect, catalog, from.dataset, from.column, transformation);
  }
  return {
    ...datasetId(catalog, dataset.name),
    facets: { columnLineage: { _producer: OPENLINEAGE_PRODUCER, _schemaURL: COLUMN_LINEAGE_SCHEMA_URL, fields, dataset: indirect } },
  };
}

/** Every dataset's document, sources first, then models upstream first: the catalog's whole column lineage in one file. */
export function toOpenLineageCatalog(catalog: Catalog): { readonly producer: string; readonly datasets: OpenLineageDataset[] } {
  return { producer: OPENLINEAGE_PRODUCER, datasets: [...catalog.sources, ...catalog.models].map((d) => toOpenLineageDataset(catalog, d)) };
}

function datasetId(catalog: Catalog, name: string): { namespace: string; name: string } {
  const dataset = catalog.datasets.get(name);
  if (!dataset) return { namespace: catalog.constitution.warehouse, name };
  return {
    namespace: dataset.kind === 'model' ? dataset.warehouse : catalog.constitution.warehouse,
    name: `${dataset.schema}.${dataset.name}`,
  };
}

function direct(catalog: Catalog, model: Model, hop: ColumnHop): OpenLineageTransformation {
  const column = model.columns.find((candidate) => candidate.name === hop.to.column)!;
  const masking =
    (hop.aggregate !== undefined && MASKING_AGGREGATES.has(hop.aggregate)) ||
    column.expression.parsed.functions.some((name) =>
      catalog.constitution.pii.maskingFunctions.some((masked) => masked.toUpperCase() === name.toUpperCase()),
    );
  return {
    type: 'DIRECT',
    subtype: hop.kind === 'identity' ? 'IDENTITY' : hop.kind === 'aggregation' ? 'AGGREGATION' : 'TRANSFORMATION',
    description: hop.kind === 'identity' ? '' : hop.aggregate ? `${hop.aggregate}(${hop.transform})` : hop.transform,
    masking,
  };
}

function indirectInputs(
  catalog: Catalog,
  model: Model,
): { from: { dataset: string; column: string }; transformation: OpenLineageTransformation }[] {
  const of = (sources: UpstreamColumn[], subtype: OpenLineageTransformation['subtype'], description: string) =>
    sources.map((source) => ({
      from: { dataset: source.input.ref, column: source.column },
      transformation: { type: 'INDIRECT' as const, subtype, description, masking: false },
    }));
  const joins = model.joins.flatMap((join) =>
    join.on ? of(fragmentSourcesOf(model, join.on, catalog.datasets), 'JOIN', join.on.text) : [],
  );
  const filters = model.inputs.flatMap((input) =>
    input.filter ? of(fragmentSourcesOf(model, input.filter, catalog.datasets, [input]), 'FILTER', input.filter.text) : [],
  );
  if (model.where)
    filters.push(...of(fragmentSourcesOf(model, model.where.condition, catalog.datasets), 'FILTER', model.where.condition.text));
  const grouping = model.groupBy.flatMap((name) => {
    const column = model.columns.find((candidate) => candidate.name === name);
    return column
      ? of(fragmentSourcesOf(model, column.expression, catalog.datasets), 'GROUP_BY', `GROUP BY ${model.groupBy.join(', ')}`)
      : [];
  });
  return [...joins, ...filters, ...grouping];
}

/** One input field per upstream column, its transformations gathered (a key both joined on and filtered). */
function add(
  list: OpenLineageInputField[],
  catalog: Catalog,
  dataset: string,
  field: string,
  transformation: OpenLineageTransformation,
): void {
  const id = datasetId(catalog, dataset);
  const existing = list.find((input) => input.namespace === id.namespace && input.name === id.name && input.field === field);
  if (existing) {
    if (!existing.transformations.some((known) => JSON.stringify(known) === JSON.stringify(transformation)))
      existing.transformations.push(transformation);
  } else list.push({ ...id, field, transformations: [transformation] });
}
