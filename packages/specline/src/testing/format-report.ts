import type { CheckResult } from './check-result';

/** The terminal report: one line per check with its status and duration, failures in full. */
export function formatReport(title: string, results: readonly CheckResult[]): string {
  const lines = [title];
  for (const result of results) {
    lines.push(`  ${result.status.padEnd(7)} ${result.suite}: ${result.name} (${result.durationMs} ms)`);
    if (result.message && result.status !== 'passed') lines.push(result.message.replace(/^/gm, '      '));
  }
  const tally = (['passed', 'failed', 'error', 'skipped'] as const).map(
    (status) => `${results.filter((r) => r.status === status).length} ${status}`,
  );
  lines.push(`${tally.join(', ')}.`);
  return lines.join('\n');
}
