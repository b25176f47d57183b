import { isModel, testedAgainstNames, type Catalog } from '../catalog';
import { compileLoadStatements, type RelationOf } from '../compiler';
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
  private readonly built = new Map<string, Promise<void>>();

  constructor(
    readonly session: SqlSession,
    readonly catalog: Catalog,
    private readonly workspaceRoot: string,
    private readonly engine: TestEngine,
    /** Where the warehouse keeps each dataset for the run (the engine's cases use relations of their own). */
    readonly relationOf: RelationOf,
  ) {}

  /** Builds `name`, everything upstream, and what its relationships tests look up. */
  async ensureWithTestTargets(name: string): Promise<void> {
    await this.ensure(name);
    const dataset = this.catalog.datasets.get(name);
    if (dataset) for (const other of testedAgainstNames(dataset)) await this.ensure(other);
  }

  ensure(name: string): Promise<void> {
    let done = this.built.get(name);
    if (!done) {
      done = this.build(name);
      this.built.set(name, done);
    }
    return done;
  }

  private async build(name: string): Promise<void> {
    const dataset = this.catalog.datasets.get(name);
    if (!dataset) throw new Error(`${this.engine.label}: no source or model is named "${name}"; check the ref in the spec that reads it.`);
    if (!isModel(dataset)) {
      const rows = dataset.seed ? await seedRowsOf(this.catalog, name, dataset.columns, this.workspaceRoot) : [];
      return this.session.runAll(this.engine.typedTable(this.relationOf(name), dataset.columns, rows));
    }
    for (const input of dataset.inputs) await this.ensure(input.ref);
    const compiled = compileLoadStatements(this.catalog, dataset, this.engine.dialect, this.relationOf);
    if (!compiled.ok) throw new Error(formatDiagnostics(compiled.diagnostics));
    await this.session.runAll(compiled.value);
  }
}
