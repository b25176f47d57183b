import { projectExecutor } from '../project-task';
import { specTaskOf } from './spec-task';

// One export per executor name in executors.json ("./dist/executors/spec/executor#codegen").
// Named through an export list because "export" is a keyword, and because Nx's
// nx-plugin-checks lint rule recognises exported functions only in these forms.
const validateExecutor = projectExecutor(specTaskOf('validate'));
const codegenExecutor = projectExecutor(specTaskOf('codegen'));
const exportExecutor = projectExecutor(specTaskOf('export'));
const testExecutor = projectExecutor(specTaskOf('test'));
const runExecutor = projectExecutor(specTaskOf('run'));

export { validateExecutor as validate, codegenExecutor as codegen, exportExecutor as export, testExecutor as test, runExecutor as run };
