import { stringify } from 'yaml';

/**
 * Renders a spec object as YAML the way hand-written specs look: an editor schema hint, a
 * `$schema` relative to the file, keys in the order given, block style. No timestamps or
 * absolute paths, so the same input always gives the same bytes.
 */
export function renderSpecYaml(file: string, spec: Record<string, unknown>, comment?: string): string {
  const ref = `${'../'.repeat(file.split('/').length - 1)}node_modules/@specline/nx-plugin/schemas/${String(spec['kind'])}.schema.json`;
  const note = comment
    ? comment
        .split('\n')
        .map((line) => `# ${line}`.trimEnd())
        .join('\n') + '\n'
    : '';
  return `# yaml-language-server: $schema=${ref}\n${note}${stringify({ $schema: ref, ...spec }, { lineWidth: 0, indentSeq: true })}`;
}
