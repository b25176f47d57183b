import { projectExecutor } from '../project-task';
import { conformProject } from './conform-project';

export default projectExecutor(conformProject);
