import { isCodeSpanSafe, markdownText } from '../escaping';
import {
  CHANGE_CATEGORIES,
  type ChangeCategory,
  type Finding,
  type GeneratedFileChange,
  type ImpactEntry,
  type ImpactReport,
} from './impact-report';

const HEADINGS: Readonly<Record<ChangeCategory, string>> = {
  breaking: 'Breaking',
  'data-changing': 'Data-changing',
  'non-breaking': 'Non-breaking',
  documentation: 'Documentation',
};

/** A value longer than this is left to impact.json, so a CASE expression does not flood the comment. */
const SHOWN_VALUE_LENGTH = 80;

/**
 * The report as a pull-request comment: a summary line, then each category's changes with
 * their downstream columns, covering tests and generated files, then the head's errors.
 * Spec text reaches it only through markdownText or a code span it cannot break out of.
 */
export function impactMarkdown(report: ImpactReport): string {
  const lines = [`## Specline impact: ${code(report.base)} → ${code(report.head)}`, ''];
  const summary = CHANGE_CATEGORIES.map((category) => `${report.counts[category]} ${category}`).join(', ');
  lines.push(report.entries.length === 0 ? 'No change to the catalog.' : `${summary}.`, '');
  if (report.headErrors.length > 0)
    lines.push(`**${code(report.head)} does not validate** (${plural(report.headErrors.length, 'error')}, listed below).`, '');
  for (const category of CHANGE_CATEGORIES) {
    const entries = report.entries.filter((entry) => entry.category === category);
    if (entries.length === 0) continue;
    lines.push(`### ${HEADINGS[category]}`, '');
    for (const entry of entries) lines.push(...entryLines(entry), '');
  }
  if (report.headErrors.length > 0) {
    lines.push(`### Errors in ${code(report.head)}`, '');
    for (const error of report.headErrors) lines.push(`- ${code(error.location)} ${error.code}: ${markdownText(error.message)}`);
    lines.push('');
  }
  if (report.generatedFiles.length > 0 || report.notGenerated.length > 0) {
    lines.push('### Generated files', '');
    for (const file of report.generatedFiles) lines.push(`- ${fileLine(file)}`);
    if (report.notGenerated.length > 0)
      lines.push(`- not compared, because errors stop their generation: ${report.notGenerated.map(code).join(', ')}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function entryLines(entry: ImpactEntry): string[] {
  const lines = [`#### ${code(entry.subject)}: ${entry.findings.map(findingText).join('; ')}`, '', `- spec: ${code(entry.location)}`];
  if (entry.category === 'breaking' || entry.category === 'data-changing')
    lines.push(
      entry.downstream.length === 0
        ? '- downstream: none'
        : `- downstream (${plural(entry.downstream.length, 'column')} in ${plural(new Set(entry.downstream.map((c) => c.dataset)).size, 'dataset')}): ${entry.downstream.map((c) => code(`${c.dataset}.${c.column}`)).join(', ')}`,
    );
  if (entry.tests.length > 0) lines.push(`- tests: ${entry.tests.map(code).join(', ')}`);
  // Files are known per project, not per change (one regeneration holds every change to the
  // dataset): an entry counts its projects' files, and the last section lists them.
  if (entry.generatedFiles.length > 0) {
    const projects = [...new Set(entry.generatedFiles.map((file) => file.project))];
    const counts = projects.map(
      (project) => `${entry.generatedFiles.filter((file) => file.project === project).length} of ${code(project)}`,
    );
    lines.push(`- generated files: ${counts.join(', ')} (listed below)`);
  }
  return lines;
}

function findingText(finding: Finding): string {
  const before = shown(finding.before);
  const after = shown(finding.after);
  if (before !== undefined && after !== undefined) return `${finding.change} (${before} → ${after})`;
  if (before !== undefined) return `${finding.change} (was ${before})`;
  if (after !== undefined) return `${finding.change} (${after})`;
  return finding.change;
}

function shown(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > SHOWN_VALUE_LENGTH ? '…' : code(oneLine);
}

function fileLine(file: GeneratedFileChange): string {
  return `${code(`${file.project}: ${file.path}`)} ${file.kind} ${file.change}`;
}

/** A code span, or escaped text when the value holds a backtick. */
function code(text: string): string {
  if (text === '') return '(empty)';
  return isCodeSpanSafe(text) ? `\`${text}\`` : markdownText(text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
