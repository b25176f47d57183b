import { isModel, testedAgainstNames, type Catalog, type Dataset } from '../catalog';

/**
 * Builds datasets into a warehouse once each, after what they read: `build` runs for a
 * dataset only when everything it reads is built. The seed warehouses of the test engines
 * (DuckDB's, and PostgreSQL's) differ only in what `build` does.
 */
export class DatasetBuilds {
  private readonly built = new Map<string, Promise<void>>();

  constructor(
    private readonly catalog: Catalog,
    /** Names the warehouse in the message for an unknown dataset, e.g. "duckdb". */
    private readonly engine: string,
    private readonly build: (dataset: Dataset) => Promise<void>,
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
      done = this.buildAfterInputs(name);
      this.built.set(name, done);
    }
    return done;
  }

  private async buildAfterInputs(name: string): Promise<void> {
    const dataset = this.catalog.datasets.get(name);
    if (!dataset) throw new Error(`${this.engine}: no source or model is named "${name}"; check the ref in the spec that reads it.`);
    if (isModel(dataset)) for (const input of dataset.inputs) await this.ensure(input.ref);
    await this.build(dataset);
  }
}
