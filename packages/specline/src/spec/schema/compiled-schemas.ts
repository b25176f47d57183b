import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SpecKind } from '../types';
import { COMMON_SCHEMA_FILE, SCHEMA_FILES, SCHEMAS_DIR } from './schemas';

let compiled: Map<SpecKind, ValidateFunction> | undefined;

/**
 * Compiles the JSON Schemas once per process. The schema files keep no $id so that editors
 * resolve their relative $refs from disk; ajv is given each file under its file name instead.
 */
export function schemaValidator(kind: SpecKind): ValidateFunction {
  compiled ??= compileAll();
  return compiled.get(kind)!;
}

function compileAll(): Map<SpecKind, ValidateFunction> {
  // verbose: errors carry their schema and parent schema, which the hints need (allowed fields, oneOf branches).
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
  ajv.addSchema(readSchema(COMMON_SCHEMA_FILE), COMMON_SCHEMA_FILE);
  const validators = new Map<SpecKind, ValidateFunction>();
  for (const [kind, file] of Object.entries(SCHEMA_FILES) as [SpecKind, string][]) {
    ajv.addSchema(readSchema(file), file);
    validators.set(kind, ajv.getSchema(file)!);
  }
  return validators;
}

export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as Record<string, unknown>;
}
