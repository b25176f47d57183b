import type { Row } from '../duckdb';
import type { GivenRows } from './input-tables';

/** Input rows as a `given:` block ready to paste into a spec's unit_tests (values in JSON, which YAML reads). */
export function givenYaml(given: GivenRows, indent = ''): string {
  const lines = [`${indent}given:`];
  for (const alias of Object.keys(given)) {
    lines.push(`${indent}  ${alias}:${given[alias].length === 0 ? ' []' : ''}`);
    for (const row of given[alias]) lines.push(`${indent}    - ${flowMap(row)}`);
  }
  return lines.join('\n');
}

function flowMap(row: Row): string {
  return `{ ${Object.entries(row)
    .map(([key, value]) => `${key}: ${JSON.stringify(value ?? null)}`)
    .join(', ')} }`;
}
