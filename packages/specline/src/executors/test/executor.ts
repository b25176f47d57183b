import { projectExecutor } from '../project-task';
import { testProject } from './test-project';

export default projectExecutor(testProject);
