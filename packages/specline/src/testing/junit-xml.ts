import type { CheckResult } from './check-result';

/**
 * JUnit XML for CI systems: one <testsuite> per family (generic, unit, property). Durations
 * are left out on purpose: the file is a cached Nx output and must be byte-identical across
 * runs; the terminal report carries the timings.
 */
export function toJUnitXml(project: string, results: readonly CheckResult[]): string {
  const suites = [...new Set(results.map((result) => result.suite))];
  const count = (list: readonly CheckResult[], status: CheckResult['status']) => list.filter((result) => result.status === status).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(project)}" tests="${results.length}" failures="${count(results, 'failed')}" errors="${count(results, 'error')}" skipped="${count(results, 'skipped')}">`,
  ];
  for (const suite of suites) {
    const cases = results.filter((result) => result.suite === suite);
    lines.push(
      `  <testsuite name="${xml(`${project}.${suite}`)}" tests="${cases.length}" failures="${count(cases, 'failed')}" errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}">`,
    );
    for (const result of cases) {
      const open = `    <testcase classname="${xml(`${project}.${suite}`)}" name="${xml(result.name)}"`;
      if (result.status === 'passed') {
        lines.push(`${open}/>`);
        continue;
      }
      const element = result.status === 'failed' ? 'failure' : result.status === 'error' ? 'error' : 'skipped';
      const message = result.message ?? result.status;
      lines.push(`${open}>`, `      <${element} message="${xml(message.split('\n')[0])}">${xml(message)}</${element}>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  // XML 1.0 cannot hold most control characters even escaped; a seed value may contain them.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
