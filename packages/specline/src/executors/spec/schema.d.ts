import type { ProjectTaskOptions } from '../project-task';

/** The spec tasks, each an executor of that name and an inferred target of a spec project. */
export type SpecTaskName = 'validate' | 'codegen' | 'export' | 'test' | 'run';

export interface SpecExecutorOptions extends ProjectTaskOptions {
  /** codegen and export: `dataset` for the project's own spec, `catalog` for the whole catalog. */
  scope?: 'dataset' | 'catalog';
  /** Set by the plugin for the cache key (see plugin/spec-fingerprints.ts); not read here. */
  upstream?: string;
  /** test: where the tests run, DuckDB in-process (the default) or PostgreSQL at postgresUrl. */
  engine?: 'duckdb' | 'postgresql';
  /** test with engine postgresql: the server's URL; the SPECLINE_POSTGRES_URL environment variable when left out. */
  postgresUrl?: string;
}
