/** What naming needs to know of a spec: the plugin's summary of it is one. */
export interface NamedSpec {
  readonly kind: string;
  readonly name?: string;
}

/** Spec kinds that become Nx projects; the constitution is a workspace-wide input instead. */
const PROJECT_PREFIX: Readonly<Record<string, string>> = { source: '', model: '', glossary: 'glossary-', workflow: 'workflow-' };

/**
 * Assigns each spec file its project name. A dataset is named after itself; a file that
 * cannot be read, or that repeats a name, still becomes a project under a name derived
 * from its path, so its validate target can report the problem while the rest of the
 * graph loads normally. Files are visited in sorted order, so the first keeps the name.
 */
export function assignProjectNames(summaries: ReadonlyMap<string, NamedSpec>, specsDir: string): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of [...summaries.keys()].sort()) {
    const summary = summaries.get(file)!;
    if (summary.kind === 'constitution') continue;
    const prefix = PROJECT_PREFIX[summary.kind];
    const wanted = prefix !== undefined && summary.name && /^[a-z][a-z0-9_]*$/.test(summary.name) ? `${prefix}${summary.name}` : undefined;
    let name = wanted && !taken.has(wanted) ? wanted : `${wanted ? 'duplicate' : 'invalid'}-${slugOf(file, specsDir)}`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    names.set(file, name);
  }
  return names;
}

/** A name given to a spec that could not be read or repeats another's name: its tasks need every spec. */
export function isPlaceholderProjectName(name: string): boolean {
  return name.startsWith('invalid-') || name.startsWith('duplicate-');
}

function slugOf(file: string, specsDir: string): string {
  const relative = file.startsWith(`${specsDir}/`) ? file.slice(specsDir.length + 1) : file;
  return relative
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .toLowerCase();
}
