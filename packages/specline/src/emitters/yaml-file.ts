import { stringify } from 'yaml';
import type { GeneratedFile } from './emitter';

/**
 * YAML data files (schema.yml, sources.yml, settings) are serialised, not templated, so a
 * description with a colon or a quote can never break them. Keys keep insertion order.
 */
export function yamlFile(path: string, value: unknown): GeneratedFile {
  return { path, content: stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }) };
}
