export * from './exported-file';
export * from './registry';
export { checkMermaidFlowchart, type MermaidProblem } from './mermaid-syntax';
export { toCsv } from './csv';
export type { ReviewTable } from './review-table';
export * from './openlineage';
