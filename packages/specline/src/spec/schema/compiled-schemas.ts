import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SpecKind } from '../types';
import { COMMON_SCHEMA_FILE, SCHEMA_FILES, SCHEMAS_DIR } from './schemas';

let compiled: Map<SpecKind, ValidateFunction> | undefined;

/**
 * verbose: errors carry their schema and parent schema, which the hints need (allowed fields,
 * oneOf branches). Compiling is paid by every process that loads specs, a generator's too,
 * so it skips what only checks our own shipped schemas: validating them against the
 * draft-07 meta-schema (validate-schema.spec.ts does that once) and ajv's optimisation pass
 * over the generated code (together 1.0-1.45 s -> 0.4-0.47 s on a loaded 2-core machine;
 * validating 5,000 specs took the same time either way).
 */
export const SPEC_SCHEMA_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: false,
  allowUnionTypes: true,
  validateSchema: false,
  code: { optimize: false },
} as const;

/**
 * Compiles the JSON Schemas once per process. The schema files keep no $id so that editors
 * resolve their relative $refs from disk; ajv is given each file under its file name instead.
 */
export function schemaValidator(kind: SpecKind): ValidateFunction {
  compiled ??= compileAll();
  return compiled.get(kind)!;
}

function compileAll(): Map<SpecKind, ValidateFunction> {
  const ajv = new Ajv(SPEC_SCHEMA_OPTIONS);
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
