import { projectBatch } from '../project-task';
import { specTaskOf } from './spec-task';

// Nx batch mode: all tasks of one executor in one process, sharing one catalog load. Exported
// by list, as executor.ts is, because "export" is a keyword.
const validateBatch = projectBatch(specTaskOf('validate'));
const codegenBatch = projectBatch(specTaskOf('codegen'));
const exportBatch = projectBatch(specTaskOf('export'));
const testBatch = projectBatch(specTaskOf('test'));
const runBatch = projectBatch(specTaskOf('run'));

export { validateBatch as validate, codegenBatch as codegen, exportBatch as export, testBatch as test, runBatch as run };
