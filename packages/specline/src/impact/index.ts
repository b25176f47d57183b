export * from './impact-report';
export { analyzeImpact, type ResolvedRevision } from './analyze-impact';
export { impactMarkdown } from './impact-markdown';
