import { projectBatch } from '../project-task';
import { specTask } from './spec-task';

/** Nx batch mode: every spec task of a run in this one process, sharing one catalog load. */
export default projectBatch(specTask);
