import { DependencyType, type CreateDependencies, type RawProjectGraphDependency } from '@nx/devkit';
import type { SpeclineProjectMetadata } from './create-nodes';

/**
 * Lineage edges: each model depends on every source and model it reads, and on the
 * glossary that defines the terms its columns bind to. Read from the metadata
 * createNodes left on each project, so no file is read again.
 */
export const createDependencies: CreateDependencies = (_options, context) => {
  const datasets = new Map<string, string>();
  const termOwners = new Map<string, string>();
  const specline = (name: string) => (context.projects[name].metadata as { specline?: SpeclineProjectMetadata } | undefined)?.specline;
  for (const name of Object.keys(context.projects).sort()) {
    const meta = specline(name);
    if (!meta) continue;
    if (meta.kind === 'source' || meta.kind === 'model') datasets.set(name, name);
    if (meta.kind === 'glossary') for (const term of meta.terms) if (!termOwners.has(term)) termOwners.set(term, name);
  }
  const dependencies: RawProjectGraphDependency[] = [];
  for (const name of Object.keys(context.projects).sort()) {
    const meta = specline(name);
    if (!meta || (meta.kind !== 'model' && meta.kind !== 'source')) continue;
    const sourceFile = context.projects[name].root;
    const targets = new Set<string>();
    for (const ref of meta.reads) if (datasets.has(ref) && ref !== name) targets.add(ref);
    for (const term of meta.terms) {
      const glossary = termOwners.get(term);
      if (glossary) targets.add(glossary);
    }
    for (const target of [...targets].sort()) dependencies.push({ source: name, target, sourceFile, type: DependencyType.static });
  }
  return dependencies;
};
