import type { ProjectTaskOptions } from '../project-task';

/** The spec tasks, each an executor of that name and an inferred target of a spec project. */
export type SpecTaskName = 'validate' | 'codegen' | 'export' | 'test' | 'run';

export interface SpecExecutorOptions extends ProjectTaskOptions {
  /** codegen and export: `dataset` for the project's own spec, `catalog` for the whole catalog. */
  scope?: 'dataset' | 'catalog';
  /** Set by the plugin for the cache key (see plugin/spec-fingerprints.ts); not read here. */
  upstream?: string;
}
