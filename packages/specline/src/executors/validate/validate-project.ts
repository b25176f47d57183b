import { formatDiagnostics, hasErrors, summarize, type Diagnostic } from '../../diagnostics';
import { workspaceCatalog } from '../workspace-catalog';

export interface ProjectValidation {
  readonly success: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly report: string;
}

/**
 * The diagnostics that belong to one spec file, plus those in the constitution: its rules
 * govern every spec, so a broken constitution fails every project's validate.
 */
export async function validateProject(
  workspaceRoot: string,
  specsDir: string,
  projectName: string,
  specFile: string,
): Promise<ProjectValidation> {
  const { catalog, diagnostics } = await workspaceCatalog(workspaceRoot, specsDir);
  const constitutionFile = catalog?.constitution.file;
  const isConstitution = (file: string) => file === constitutionFile || /(^|\/)constitution\.(ya?ml|json)$/.test(file);
  const mine = diagnostics.filter((d) => d.location.file === specFile || isConstitution(d.location.file) || d.code === 'CONST001');
  const success = !hasErrors(mine);
  const lines = mine.length > 0 ? [formatDiagnostics(mine)] : [];
  lines.push(`${projectName} (${specFile}${constitutionFile ? `, rules from ${constitutionFile}` : ''}): ${summarize(mine)}.`);
  return { success, diagnostics: mine, report: lines.join('\n') };
}
