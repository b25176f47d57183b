import { projectExecutor } from '../project-task';
import { specTask } from './spec-task';

export default projectExecutor(specTask);
