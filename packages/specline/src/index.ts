// The Nx plugin entry point: nx.json registers "@specline/nx-plugin" and Nx reads these.
export { createDependencies, createNodes, createNodesV2 } from './plugin';
export type { SpeclinePluginOptions } from './plugin';
