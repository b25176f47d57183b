export { compileModelSelect, type RelationOf, type SelectOptions } from './compile-select';
export { compileLoadStatements, compileRejectedRowsDelete, createColumnsTable, createTableIfMissing } from './compile-load';
export { compileScd2Apply } from './scd2-apply';
export { sqlType } from './sql-type';
export { type Compiled } from './compile-problem';
export { warehouseRelation } from './warehouse-relation';
export { inDialect } from './dialect-expression';
