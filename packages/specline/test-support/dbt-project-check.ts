import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GeneratedFile } from '../src/emitters/emitter';

const SCHEMAS = path.join(__dirname, 'dbt-jsonschema');

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;
}

let validators: { properties: ValidateFunction; project: ValidateFunction; profileOutput: ValidateFunction } | undefined;

/** dbt Labs' published JSON Schemas (see dbt-jsonschema/README.md), compiled once. */
function dbtValidators() {
  if (validators) return validators;
  // The schemas use formats such as int64 and uint64 that only describe numbers: not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...loadSchema('profiles-latest-fusion.json'), $id: 'profiles' });
  validators = {
    properties: ajv.compile(loadSchema('dbt_yml_files-latest-fusion.json')),
    project: ajv.compile(loadSchema('dbt_project-latest-fusion.json')),
    // The profiles schema describes one connection (DbConfig); profiles.yml nests them by profile and target.
    profileOutput: ajv.compile({ $ref: 'profiles#/definitions/DbConfig' }),
  };
  return validators;
}

/** Every schema violation of the dbt tree's YAML files (paths below dbt/), as "file: pointer message". */
export function dbtSchemaProblems(files: readonly GeneratedFile[]): string[] {
  const { properties, project, profileOutput } = dbtValidators();
  const problems: string[] = [];
  const check = (file: string, validate: ValidateFunction, value: unknown) => {
    if (!validate(value)) problems.push(...(validate.errors ?? []).map((error) => `${file}: ${error.instancePath} ${error.message}`));
  };
  for (const file of files.filter((candidate) => /^dbt\/.*\.ya?ml$/.test(candidate.path))) {
    const value = parseYaml(file.content) as Record<string, unknown>;
    if (file.path === 'dbt/dbt_project.yml') check(file.path, project, value);
    else if (file.path === 'dbt/profiles.yml') {
      for (const profile of Object.values(value) as { outputs: Record<string, unknown> }[])
        for (const output of Object.values(profile.outputs)) check(file.path, profileOutput, output);
    } else check(file.path, properties, value);
  }
  return problems;
}

const REF = /\bref\(\s*'([^']+)'\s*\)/g;
const SOURCE = /\bsource\(\s*'([^']+)'\s*,\s*'([^']+)'\s*\)/g;

/**
 * Every ref() and source() of the dbt tree that names nothing the tree defines: refs must name
 * a model file or a snapshot, sources a table of a source property file.
 */
export function unresolvedDbtReferences(files: readonly GeneratedFile[]): { references: number; unresolved: string[] } {
  const dbt = files.filter((file) => file.path.startsWith('dbt/'));
  const nodes = new Set<string>();
  const sources = new Set<string>();
  for (const file of dbt) {
    if (/^dbt\/models\/.*\.sql$/.test(file.path)) nodes.add(path.posix.basename(file.path, '.sql'));
    for (const match of file.content.matchAll(/\{%-?\s*snapshot\s+([A-Za-z0-9_]+)\s*-?%\}/g)) nodes.add(match[1]);
    if (/\.ya?ml$/.test(file.path)) {
      const value = parseYaml(file.content) as { sources?: { name: string; tables?: { name: string }[] }[] } | null;
      for (const source of value?.sources ?? []) for (const table of source.tables ?? []) sources.add(`${source.name}.${table.name}`);
    }
  }
  let references = 0;
  const unresolved: string[] = [];
  for (const file of dbt) {
    for (const match of file.content.matchAll(REF)) {
      references++;
      if (!nodes.has(match[1])) unresolved.push(`${file.path}: ref('${match[1]}')`);
    }
    for (const match of file.content.matchAll(SOURCE)) {
      references++;
      if (!sources.has(`${match[1]}.${match[2]}`)) unresolved.push(`${file.path}: source('${match[1]}', '${match[2]}')`);
    }
  }
  return { references, unresolved };
}
