import * as path from 'node:path';
import { formatDiagnostics } from '../../diagnostics';
import { analyzeImpact, impactMarkdown, severityRank, type CatalogRevision, type ResolvedRevision } from '../../impact';
import { loadSpecsFolder } from '../../load';
import { syncFolder } from '../../output';
import { GitRevisionError, gitSpecSource } from '../../spec';
import { DEFAULT_OPTIONS } from '../../workspace/options';
import type { ImpactExecutorOptions } from './schema';

/** Where the working tree is the head: no ref names it. */
export const WORKING_TREE = 'working tree';

/**
 * Loads the catalog at the base ref and at the head (a ref, or the working tree), compares
 * them, writes impact.md and impact.json to <outputDir>/impact and returns the Markdown with
 * their paths. Fails on an unreadable ref, a revision without a catalog (no constitution),
 * or, with failOn, a change at least that severe. A head with errors is compared all the same.
 */
export async function impactOfChange(workspaceRoot: string, options: ImpactExecutorOptions): Promise<{ success: boolean; report: string }> {
  const specsDir = options.specsDir ?? DEFAULT_OPTIONS.specsDir;
  const outputDir = options.outputDir ?? DEFAULT_OPTIONS.outputDir;
  if (!options.base) return { success: false, report: 'impact needs a base: nx run catalog:impact --base=main [--head=<ref>]' };
  let base: CatalogRevision;
  let head: CatalogRevision;
  try {
    base = { label: options.base, ...(await loadSpecsFolder(gitSpecSource(workspaceRoot, options.base, specsDir), specsDir)) };
    head = options.head
      ? { label: options.head, ...(await loadSpecsFolder(gitSpecSource(workspaceRoot, options.head, specsDir), specsDir)) }
      : { label: WORKING_TREE, ...(await loadSpecsFolder(workspaceRoot, specsDir)) };
  } catch (error) {
    if (error instanceof GitRevisionError) return { success: false, report: `impact: ${error.message}` };
    throw error;
  }
  for (const revision of [base, head])
    if (!revision.catalog)
      return {
        success: false,
        report: `${formatDiagnostics(revision.diagnostics)}\nimpact: the catalog at ${revision.label} does not load (above), so there is nothing to compare.`,
      };
  const report = await analyzeImpact(base as ResolvedRevision, head as ResolvedRevision);
  const markdown = impactMarkdown(report);
  const folder = path.join(workspaceRoot, outputDir, 'impact');
  syncFolder(folder, [
    { path: 'impact.md', content: markdown },
    { path: 'impact.json', content: `${JSON.stringify(report, null, 2)}\n` },
  ]);
  const written = ['impact.md', 'impact.json'].map((file) => path.posix.join(outputDir, 'impact', file)).join(' and ');
  const failing = options.failOn
    ? report.entries.filter((entry) => severityRank(entry.category) <= severityRank(options.failOn!)).length
    : 0;
  const verdict =
    failing > 0
      ? `\nimpact: ${failing} change${failing === 1 ? ' is' : 's are'} ${options.failOn} or more severe (--fail-on=${options.failOn}).`
      : '';
  return { success: failing === 0, report: `${markdown}\nWrote ${written}.${verdict}` };
}
