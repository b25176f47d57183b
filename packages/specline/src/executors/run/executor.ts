import { projectExecutor } from '../project-task';
import { runProject } from './run-project';

export default projectExecutor(runProject);
