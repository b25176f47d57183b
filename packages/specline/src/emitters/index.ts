export { type Emitter, type EmitResult, type GeneratedFile } from './emitter';
export { EMITTERS } from './registry';
export { generateCatalogCode, generateCodeTrees, generateDatasetCode, type GeneratedCode } from './generate-code';
export { CONTRACT_FILE, contractFile, ORCHESTRATION_FILE, orchestrationFile } from './contract';
export { DATAFORM_CORE_VERSION } from './dataform';
export * from './code-paths';
