import type { ProjectTaskOptions } from '../project-task';

export interface ConformExecutorOptions extends ProjectTaskOptions {
  /** Workspace-relative path of the SQL implementation. */
  sql: string;
  /** Workspace-relative path of a hand-written scd2 apply: statements that merge the view <model>__snapshot into the model's table. */
  apply?: string;
}
