import type { ProjectTaskOptions } from '../project-task';

export type TestExecutorOptions = ProjectTaskOptions;
