export { createDependencies } from './create-dependencies';
export { createNodes, createNodesV2 } from './create-nodes';
export type { SpeclinePluginOptions } from '../workspace/options';
