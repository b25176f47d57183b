import { projectBatch } from '../project-task';
import { specTaskOf } from './spec-task';

// Nx batch mode: all tasks of one executor in one process, sharing one catalog load.
export const validate = projectBatch(specTaskOf('validate'));
export const codegen = projectBatch(specTaskOf('codegen'));
const exportBatch = projectBatch(specTaskOf('export'));
export { exportBatch as export };
export const test = projectBatch(specTaskOf('test'));
export const run = projectBatch(specTaskOf('run'));
