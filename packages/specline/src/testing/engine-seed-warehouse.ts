import { isModel, type Catalog, type Dataset } from '../catalog';
import { compileLoadStatements, type RelationOf } from '../compiler';
import { DatasetBuilds } from '../duckdb';
import { formatDiagnostics } from '../diagnostics';
import { seedRowsOf } from './seed-given';
import type { SqlSession, TestEngine } from './test-engine';

/**
 * What the generic tests run against: a model built from the seed CSVs with everything
 * upstream. DuckDB's SeedWarehouse is one; EngineSeedWarehouse is one on any test engine.
 */
export interface SeededWarehouse {
  readonly session: SqlSession;
  readonly relationOf: RelationOf;
  ensureWithTestTargets(name: string): Promise<void>;
}

/**
 * The seed warehouse on another engine (PostgreSQL): each source holds the rows DuckDB reads
 * from its seed CSV (one CSV reader for both engines, so they start from the same typed rows),
 * each model is built with the compiled load statements in the engine's dialect, the SQL
 * codegen writes for that target. Each dataset is built once, after what it reads.
 */
export class EngineSeedWarehouse implements SeededWarehouse {
  private readonly builds: DatasetBuilds;

  constructor(
    readonly session: SqlSession,
    readonly catalog: Catalog,
    private readonly workspaceRoot: string,
    private readonly engine: TestEngine,
    /** Where the warehouse keeps each dataset for the run (the engine's cases use relations of their own). */
    readonly relationOf: RelationOf,
  ) {
    this.builds = new DatasetBuilds(catalog, engine.dialect, (dataset) => this.build(dataset));
  }

  ensureWithTestTargets(name: string): Promise<void> {
    return this.builds.ensureWithTestTargets(name);
  }

  ensure(name: string): Promise<void> {
    return this.builds.ensure(name);
  }

  private async build(dataset: Dataset): Promise<void> {
    if (!isModel(dataset)) {
      const rows = dataset.seed ? await seedRowsOf(this.catalog, dataset.name, dataset.columns, this.workspaceRoot) : [];
      return this.session.runAll(this.engine.typedTable(this.relationOf(dataset.name), dataset.columns, rows));
    }
    const compiled = compileLoadStatements(this.catalog, dataset, this.engine.dialect, this.relationOf);
    if (!compiled.ok) throw new Error(formatDiagnostics(compiled.diagnostics));
    await this.session.runAll(compiled.value);
  }
}
