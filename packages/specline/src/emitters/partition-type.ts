import type { Model } from '../catalog';

/** The logical type of a model's partition column: validation allows DATE, TIMESTAMP and DATETIME. */
export function partitionType(model: Model): 'DATE' | 'TIMESTAMP' | 'DATETIME' {
  const type = model.columns.find((column) => column.name === model.partitionBy?.column)?.type.name;
  return type === 'DATE' || type === 'DATETIME' ? type : 'TIMESTAMP';
}
