import { yamlDocument } from '../escaping';
import type { GeneratedFile } from './emitter';

/** A YAML data file (schema.yml, sources.yml, settings), serialised by the YAML escaping module. */
export function yamlFile(path: string, value: unknown): GeneratedFile {
  return { path, content: yamlDocument(value) };
}
