import type { DataType, Model } from '../catalog';

export interface TableColumn {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

const TIMESTAMP: DataType = { name: 'TIMESTAMP' };

/** The columns a model's table holds: its declared columns, plus the history columns of scd2. */
export function tableColumns(model: Model): TableColumn[] {
  const columns: TableColumn[] = model.columns.map(({ name, type, nullable }) => ({ name, type, nullable }));
  if (model.load.strategy !== 'scd2') return columns;
  const history = model.load;
  return [
    ...columns,
    { name: history.validFrom, type: TIMESTAMP, nullable: false },
    { name: history.validTo, type: TIMESTAMP, nullable: true },
    { name: history.isCurrent, type: { name: 'BOOL' }, nullable: false },
  ];
}
