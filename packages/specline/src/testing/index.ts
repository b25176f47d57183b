/** testing/: the spec-derived tests (generic, unit, property) and their results as data, on DuckDB or PostgreSQL. */
export { timedCheck, succeeded, type CheckResult, type CheckStatus, type CheckOutcome } from './check-result';
export { genericChecks, scd2Checks, type GenericCheck, type Scd2Shape } from './generic-checks';
export { runGenericTests } from './run-generic';
export { runUnitTests } from './run-unit-tests';
export { loadInputs, type GivenRows } from './input-tables';
export { specImplementation, loadStatements, type ModelImplementation } from './model-implementation';
export { diffRows, formatDiff, type RowDiff, type CanonicalRow } from './row-diff';
export { runPropertyTests, type PropertyOptions } from './run-property-tests';
export { invariantsOf } from './property-invariants';
export type { Invariant } from './invariant';
export { givenYaml } from './given-yaml';
export { toJUnitXml } from './junit-xml';
export { formatReport } from './format-report';
export { compareWithReference, type ReferenceCase, type ReferenceOptions } from './reference-comparison';
export { seedGiven } from './seed-given';
export { DUCKDB_ENGINE, type TestEngine, type EngineDialect, type SqlSession } from './test-engine';
export { withPostgresEngine, type PostgresRun } from './postgres-engine';
export { EngineSeedWarehouse, type SeededWarehouse } from './engine-seed-warehouse';
