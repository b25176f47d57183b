import type { Catalog } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';
import type { RelationOf } from './compile-select';

/** Plain SQL names a dataset by schema and table: raw.<table> for a source, <layer schema>.<name> for a model. */
export function warehouseRelation(catalog: Catalog, dialect: SqlDialect): RelationOf {
  return (name) => {
    const dataset = catalog.datasets.get(name);
    if (!dataset) return quoteIdentifier(name, dialect);
    const table = dataset.kind === 'source' ? dataset.table : dataset.name;
    return `${quoteIdentifier(dataset.schema, dialect)}.${quoteIdentifier(table, dialect)}`;
  };
}
