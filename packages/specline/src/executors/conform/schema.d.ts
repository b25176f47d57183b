import type { ProjectTaskOptions } from '../project-task';

export interface ConformExecutorOptions extends ProjectTaskOptions {
  /** Workspace-relative path of the SQL implementation. */
  sql: string;
}
