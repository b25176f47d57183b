import type { ErrorObject } from 'ajv';
import { didYouMean, type Diagnostic, type DiagnosticCode } from '../../diagnostics';
import { escapePointerToken, unescapePointerToken, type SpecDocument } from '../read';
import { SPEC_KINDS, type AnySpec, type SpecKind } from '../types';
import { schemaValidator } from './compiled-schemas';

export type SchemaOutcome =
  { readonly ok: true; readonly spec: AnySpec } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Checks a parsed document against the JSON Schema of its kind and turns ajv's errors into
 * Diagnostics: one per problem, located at the offending key or value, with a hint.
 */
export function validateSchema(doc: SpecDocument): SchemaOutcome {
  const data = doc.data as Record<string, unknown>;
  const kind = data.kind;
  if (typeof kind !== 'string' || !(SPEC_KINDS as readonly string[]).includes(kind)) {
    const present = typeof kind === 'string';
    return {
      ok: false,
      diagnostics: [
        {
          code: 'SCHEMA001',
          severity: 'error',
          location: present ? doc.positions.locate('/kind') : { file: doc.file, line: 1, column: 1 },
          pointer: present ? '/kind' : '',
          message: present ? `"${String(kind)}" is not a spec kind.` : 'The spec has no kind field.',
          hint: `${present ? didYouMean(kind as string, SPEC_KINDS) : ''}Set kind to one of: ${SPEC_KINDS.join(', ')}.`,
        },
      ],
    };
  }
  const validate = schemaValidator(kind as SpecKind);
  if (validate(data)) return { ok: true, spec: data as unknown as AnySpec };
  const errors = relevantErrors(validate.errors ?? [], data);
  const diagnostics = errors.map((error) => toDiagnostic(doc, error));
  return { ok: false, diagnostics: dedupe(diagnostics) };
}

/**
 * ajv reports every failed branch of a oneOf. Keep only the branch the author evidently
 * meant (the one whose required key they wrote, or whose type matches), so a typo in
 * `accepted_values` is reported as that, not as four unrelated failures.
 */
function relevantErrors(errors: readonly ErrorObject[], root: unknown): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  let kept = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  for (const oneOf of oneOfs) {
    const branches = (oneOf.schema ?? []) as Record<string, unknown>[];
    const value = valueAt(root, oneOf.instancePath);
    const chosen = branches.findIndex((branch) => branchFits(branch, value));
    const prefix = `${oneOf.schemaPath}/`;
    const inBranch = (e: ErrorObject, i: number) => e.schemaPath.startsWith(`${prefix}${i}/`);
    if (chosen >= 0) {
      kept = kept.filter((e) => !e.schemaPath.startsWith(prefix) || inBranch(e, chosen));
    } else {
      kept = kept.filter((e) => !e.schemaPath.startsWith(prefix));
      kept.push({ ...oneOf, keyword: 'oneOfNone', params: { branches } });
    }
  }
  return kept;
}

function branchFits(branch: Record<string, unknown>, value: unknown): boolean {
  if (branch.type === 'string') return typeof value === 'string';
  if (branch.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const required = (branch.required as string[] | undefined) ?? [];
    return required.every((key) => key in (value as object));
  }
  return false;
}

function toDiagnostic(doc: SpecDocument, error: ErrorObject): Diagnostic {
  const pointer = error.instancePath;
  const make = (code: DiagnosticCode, message: string, hint: string, at: 'key' | 'value' = 'value', where = pointer): Diagnostic => ({
    code,
    severity: 'error',
    location: at === 'key' ? doc.positions.locateKey(where) : doc.positions.locate(where),
    pointer: where,
    message,
    hint,
  });
  const field = describe(pointer);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
      const where = `${pointer}/${escapePointerToken(name)}`;
      return make(
        'SCHEMA002',
        `Unknown field "${name}" in ${field}.`,
        `${didYouMean(name, allowed)}Allowed fields: ${allowed.join(', ')}.`,
        'key',
        where,
      );
    }
    case 'required': {
      const name = String(error.params.missingProperty);
      return make('SCHEMA003', `${capitalize(field)} is missing the required field "${name}".`, `Add "${name}".`, 'key');
    }
    case 'type':
      return make(
        'SCHEMA004',
        `${capitalize(field)} must be ${article(String(error.params.type))}.`,
        `Write ${field} as ${article(String(error.params.type))}.`,
      );
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = String(valueAt(doc.data, pointer));
      return make(
        'SCHEMA005',
        `"${value}" is not allowed for ${field}.`,
        `${didYouMean(value, allowed)}Use one of: ${allowed.join(', ')}.`,
      );
    }
    case 'const':
      return make(
        'SCHEMA005',
        `${capitalize(field)} must be "${String(error.params.allowedValue)}".`,
        `Set it to "${String(error.params.allowedValue)}".`,
      );
    case 'pattern':
      return make(
        'SCHEMA006',
        `${capitalize(field)} "${String(valueAt(doc.data, pointer))}" is not in the required form.`,
        patternHint(String(error.params.pattern), error.parentSchema?.description as string | undefined),
      );
    case 'oneOfNone': {
      const value = valueAt(doc.data, pointer);
      const options = describeBranches(error.params.branches as Record<string, unknown>[]);
      const written =
        typeof value === 'string'
          ? `"${value}"`
          : value && typeof value === 'object'
            ? `{ ${Object.keys(value).join(', ')} }`
            : JSON.stringify(value);
      const guess = typeof value === 'string' ? value : value && typeof value === 'object' ? (Object.keys(value)[0] ?? '') : '';
      return make('SCHEMA005', `${written} is not a valid ${field}.`, `${didYouMean(guess, options)}Use one of: ${options.join(', ')}.`);
    }
    default:
      return make('SCHEMA007', `${capitalize(field)} ${error.message ?? 'breaks a schema rule'}.`, constraintHint(error));
  }
}

function describeBranches(branches: readonly Record<string, unknown>[]): string[] {
  return branches.flatMap((branch) => (branch.enum as string[] | undefined) ?? (branch.required as string[] | undefined) ?? []);
}

function constraintHint(error: ErrorObject): string {
  switch (error.keyword) {
    case 'minItems':
      return `Give at least ${String(error.params.limit)} item(s).`;
    case 'maxLength':
      return `Shorten it to at most ${String(error.params.limit)} characters.`;
    case 'minLength':
      return 'Give a non-empty value.';
    case 'uniqueItems':
      return 'Remove the repeated item.';
    case 'minimum':
    case 'maximum':
      return `Use a number ${error.params.comparison} ${String(error.params.limit)}.`;
    default:
      return 'See docs/spec-reference.md for this field.';
  }
}

function patternHint(pattern: string, description: string | undefined): string {
  if (pattern.startsWith('^[a-z][a-z0-9_]'))
    return 'Use lower-case letters, digits and underscores, starting with a letter (no dots, slashes or spaces).';
  return description ? `Expected: ${description}` : `It must match ${pattern}.`;
}

/** "columns[2].type" reads better in a message than "/columns/2/type". */
function describe(pointer: string): string {
  if (pointer === '') return 'the spec';
  const parts = pointer.split('/').slice(1).map(unescapePointerToken);
  return `"${parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '')}"`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = unescapePointerToken(raw);
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
