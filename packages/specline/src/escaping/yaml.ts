import { stringify } from 'yaml';

/**
 * YAML data files (schema.yml, sources.yml, settings) are serialised, never templated, so a
 * colon, a quote or a line break in a value can never change the document's structure; the
 * serialiser double-quotes and escapes anything that is not plain. Keys keep insertion order.
 */
export function yamlDocument(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
