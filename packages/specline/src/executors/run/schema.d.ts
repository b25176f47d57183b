import type { ProjectTaskOptions } from '../project-task';

export type RunExecutorOptions = ProjectTaskOptions;
