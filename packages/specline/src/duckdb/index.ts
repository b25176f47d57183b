/** duckdb/: the embedded engine behind test, run and conform; no warehouse, no network. */
export { DuckSession, type Row } from './session';
export { SeedWarehouse, schemaStatements } from './seed-warehouse';
export { loadTypedTable, typedTableStatements, createTypedTable, unknownColumns, type TypedColumn } from './typed-table';
export { sqlLiteral } from './sql-literal';
