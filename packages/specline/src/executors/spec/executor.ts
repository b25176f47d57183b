import { projectExecutor } from '../project-task';
import { specTaskOf } from './spec-task';

// One export per executor name in executors.json ("./src/executors/spec/executor#codegen").
export const validate = projectExecutor(specTaskOf('validate'));
export const codegen = projectExecutor(specTaskOf('codegen'));
const exportExecutor = projectExecutor(specTaskOf('export'));
export { exportExecutor as export };
export const test = projectExecutor(specTaskOf('test'));
export const run = projectExecutor(specTaskOf('run'));
