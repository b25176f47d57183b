import { projectBatch } from '../project-task';
import { testProject } from './test-project';

/** Nx batch mode: every test task of a run in one process, sharing one catalog load. */
export default projectBatch(testProject);
