import { projectBatch } from '../project-task';
import { runProject } from './run-project';

/** Nx batch mode: every run task of a run in one process, sharing one catalog load. */
export default projectBatch(runProject);
