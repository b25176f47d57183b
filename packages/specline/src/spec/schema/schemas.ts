import * as path from 'node:path';
import type { SpecKind } from '../types';

/** The folder of the JSON Schemas shipped with the plugin; specs point their $schema at it. */
export const SCHEMAS_DIR = path.resolve(__dirname, '../../../schemas');

export const SCHEMA_FILES: Readonly<Record<SpecKind, string>> = {
  constitution: 'constitution.schema.json',
  source: 'source.schema.json',
  model: 'model.schema.json',
  glossary: 'glossary.schema.json',
  workflow: 'workflow.schema.json',
};

export const COMMON_SCHEMA_FILE = 'common.schema.json';
