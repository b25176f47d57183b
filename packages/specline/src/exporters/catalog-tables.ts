import { inputNames, type Catalog, type Dataset, type Model } from '../catalog';
import { modelColumnLineage } from '../lineage/column-lineage';
import { columnSql, describeColumnTest, describeLoad, describeModelTest, describeType, yesNo } from './describe';
import { JOINS_HEADER, joinsTable } from './model-tables';
import type { ReviewTable } from './review-table';

/** Sources first (sorted by name), then models in dependency order: the catalog's own orders. */
function datasets(catalog: Catalog): Dataset[] {
  return [...catalog.sources, ...catalog.models];
}

export function overviewTable(catalog: Catalog): ReviewTable {
  return {
    header: ['model', 'layer', 'sources', 'primary_key', 'load_strategy', 'owner', 'schedule', 'description'],
    rows: catalog.models.map((model) => [
      model.name,
      model.layer,
      inputNames(model).join(', '),
      model.primaryKey.join(', '),
      describeLoad(model.load),
      model.owner ?? '',
      model.orchestration.schedule,
      model.description ?? '',
    ]),
  };
}

/** The data dictionary: every column of every dataset. */
export function allColumnsTable(catalog: Catalog): ReviewTable {
  return {
    header: ['dataset', 'kind', 'column', 'type', 'nullable', 'pii', 'glossary_term', 'description'],
    rows: datasets(catalog).flatMap((dataset) =>
      dataset.columns.map((column) => [
        dataset.name,
        dataset.kind,
        column.name,
        describeType(column),
        yesNo(column.nullable),
        yesNo(column.pii),
        column.glossary ?? '',
        column.description ?? '',
      ]),
    ),
  };
}

export function allTransformsTable(catalog: Catalog): ReviewTable {
  return {
    header: ['model', 'column', 'from', 'transform_as_written', 'aggregate', 'sql'],
    rows: catalog.models.flatMap((model) =>
      model.columns.map((column) => [
        model.name,
        column.name,
        column.from ? `${column.from.alias}.${column.from.column}` : '',
        column.transform ?? '',
        column.aggregate ?? '',
        columnSql(column),
      ]),
    ),
  };
}

export function allJoinsTable(catalog: Catalog): ReviewTable {
  return everyModelTable(catalog, joinsTable, JOINS_HEADER);
}

/** One per-model table for every model in catalog order, with a `model` column first. */
export function everyModelTable(catalog: Catalog, tableOf: (model: Model) => ReviewTable, header: readonly string[]): ReviewTable {
  return {
    header: ['model', ...header],
    rows: catalog.models.flatMap((model) => tableOf(model).rows.map((row) => [model.name, ...row])),
  };
}

export function allTestsTable(catalog: Catalog): ReviewTable {
  return {
    header: ['dataset', 'column', 'test'],
    rows: datasets(catalog).flatMap((dataset) => [
      ...dataset.columns.flatMap((column) => column.tests.map((test) => [dataset.name, column.name, describeColumnTest(test)])),
      ...(dataset.kind === 'model' ? dataset.tests.map((test) => [dataset.name, '', describeModelTest(test)]) : []),
    ]),
  };
}

/** Source to target at table level (column cells empty), then at column level. */
export function dataLineageTable(catalog: Catalog): ReviewTable {
  const tableRows = catalog.models.flatMap((model) => inputNames(model).map((input) => ['table', input, '', model.name, '']));
  const columnRows = catalog.models.flatMap((model) =>
    modelColumnLineage(model, catalog.datasets).map((edge) => [
      'column',
      edge.sourceDataset,
      edge.sourceColumn,
      edge.targetDataset,
      edge.targetColumn,
    ]),
  );
  return { header: ['level', 'source_dataset', 'source_column', 'target_dataset', 'target_column'], rows: [...tableRows, ...columnRows] };
}

export function glossaryTable(catalog: Catalog): ReviewTable {
  return {
    header: ['term', 'title', 'definition', 'synonyms', 'related', 'owner'],
    rows: [...catalog.glossary]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((term) => [term.name, term.title ?? '', term.definition, term.synonyms.join(', '), term.related.join(', '), term.owner ?? '']),
  };
}
