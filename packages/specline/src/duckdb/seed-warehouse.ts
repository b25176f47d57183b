import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isModel, type Catalog, type Dataset, type SourceTable } from '../catalog';
import { compileLoadStatements, sqlType, warehouseRelation } from '../compiler';
import { DatasetBuilds } from './dataset-builds';
import { formatDiagnostics } from '../diagnostics';
import { quoteIdentifier } from '../sql';
import type { DuckSession } from './session';
import { csvHeader, locateSeedError, seedHeaderProblem } from './seed-csv-problem';
import { createTypedTable } from './typed-table';

/**
 * Builds datasets into a DuckDB session under their warehouse names (raw.<table>,
 * <layer schema>.<model>): sources from their seed CSVs with the declared types, models
 * with the compiled load statements. Each dataset is built once, after what it reads.
 */
export class SeedWarehouse {
  private readonly builds: DatasetBuilds;
  private schemasReady?: Promise<void>;
  readonly relationOf;

  constructor(
    readonly session: DuckSession,
    readonly catalog: Catalog,
    private readonly workspaceRoot: string,
  ) {
    this.relationOf = warehouseRelation(catalog, 'duckdb');
    this.builds = new DatasetBuilds(catalog, 'duckdb', (dataset) => this.build(dataset));
  }

  /** Builds `name`, everything upstream, and what its relationships tests look up. */
  ensureWithTestTargets(name: string): Promise<void> {
    return this.builds.ensureWithTestTargets(name);
  }

  ensure(name: string): Promise<void> {
    return this.builds.ensure(name);
  }

  private async build(dataset: Dataset): Promise<void> {
    await this.createSchemas();
    if (!isModel(dataset)) return this.loadSource(dataset);
    const compiled = compileLoadStatements(this.catalog, dataset, 'duckdb', this.relationOf);
    if (!compiled.ok) throw new Error(formatDiagnostics(compiled.diagnostics));
    await this.session.runAll(compiled.value);
  }

  private async loadSource(source: SourceTable): Promise<void> {
    const relation = this.relationOf(source.name);
    if (!source.seed) return this.session.run(createTypedTable(relation, source.columns));
    const columns = source.columns.map((column) => `'${column.name.replace(/'/g, "''")}': '${sqlType(column.type, 'duckdb')}'`).join(', ');
    const absolute = path.join(this.workspaceRoot, source.seed);
    const text = readFileSync(absolute, 'utf8');
    const headerProblem = seedHeaderProblem(
      source.seed,
      text,
      source.columns.map((column) => column.name),
    );
    if (headerProblem) throw new Error(headerProblem);
    try {
      await this.session.run(
        `CREATE OR REPLACE TABLE ${relation} AS SELECT * FROM read_csv('${absolute.replace(/'/g, "''")}', header = true, auto_detect = false, columns = {${columns}})`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(locateSeedError(source.seed, csvHeader(text), message) ?? `${source.seed}: ${message.split('\n')[0]}`);
    }
  }

  private createSchemas(): Promise<void> {
    this.schemasReady ??= this.session.runAll(schemaStatements(this.catalog));
    return this.schemasReady;
  }
}

export function schemaStatements(catalog: Catalog): string[] {
  const schemas = new Set<string>([...catalog.sources, ...catalog.models].map((dataset: Dataset) => dataset.schema));
  return [...schemas].sort().map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema, 'duckdb')}`);
}
