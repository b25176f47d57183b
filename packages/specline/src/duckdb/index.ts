/** duckdb/: the embedded engine behind test, run and conform; no warehouse, no network. Also reads the seed CSVs for the other test engines. */
export { DuckSession, type Row } from './session';
export { SeedWarehouse, schemaStatements } from './seed-warehouse';
export { loadTypedTable, typedTableStatements, createTypedTable, unknownColumns, type TypedColumn } from './typed-table';
export { sqlLiteral } from './sql-literal';
export { DatasetBuilds } from './dataset-builds';
