import type { Catalog } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';
import type { RelationOf } from './compile-select';

/** Plain SQL names a dataset by schema and name: raw.<system>_<table> for a source, <layer schema>.<name> for a model. */
export function warehouseRelation(catalog: Catalog, dialect: SqlDialect): RelationOf {
  return (name) => {
    const dataset = catalog.datasets.get(name);
    if (!dataset) return quoteIdentifier(name, dialect);
    // A source lands under its dataset name (<system>_<table>), e.g. raw.crm_customers.
    return `${quoteIdentifier(dataset.schema, dialect)}.${quoteIdentifier(dataset.name, dialect)}`;
  };
}
