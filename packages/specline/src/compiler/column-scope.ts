import { type Catalog, type Model, tableColumnsOf } from '../catalog';
import type { ColumnTypes } from '../sql';

/**
 * The declared types of the columns a model's row-level expressions (input filters, join
 * conditions, transforms, where) can name: `alias.column` for every input, and the bare
 * `column` where every input that has it declares the same type. The translation reads them
 * where a construct means something else for another argument type.
 */
export function inputColumnTypes(catalog: Catalog, model: Model): ColumnTypes {
  const qualified = new Map<string, string>();
  const bare = new Map<string, string | null>();
  for (const input of model.inputs) {
    const dataset = catalog.datasets.get(input.ref);
    if (!dataset) continue;
    for (const column of tableColumnsOf(dataset)) {
      const name = column.name.toLowerCase();
      qualified.set(`${input.alias.toLowerCase()}.${name}`, column.type.name);
      const seen = bare.get(name);
      bare.set(name, seen === undefined || seen === column.type.name ? column.type.name : null);
    }
  }
  for (const [name, type] of bare) if (type !== null) qualified.set(name, type);
  return qualified;
}

/** The model's output columns by name: what `having` reads, after the columns' CASTs. */
export function outputColumnTypes(model: Model): ColumnTypes {
  return new Map(model.outputColumns.map((column) => [column.name.toLowerCase(), column.type.name]));
}
