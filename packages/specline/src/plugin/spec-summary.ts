import * as path from 'node:path';
import { formatDiagnostic } from '../diagnostics';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { sourceDatasetName } from '../spec/dataset-name';
import { behaviourFingerprint, contractFingerprint, textFingerprint } from './spec-fingerprints';
import { MAX_BRACKET_DEPTH, MAX_SPEC_BYTES, offsetOfDeepNesting, parseSpecText } from '../spec/read';

/**
 * What the project graph needs from one spec file: its identity, tags and the datasets it
 * reads. Deliberately shallow: no JSON Schema, no SQL parsing. Those belong to the
 * validate task, not to every graph computation.
 */
export interface SpecSummary {
  readonly kind: string;
  /** The dataset or document name; absent when the file is unreadable. */
  readonly name?: string;
  readonly layer?: string;
  readonly system?: string;
  readonly owner?: string;
  readonly description?: string;
  /** Datasets this spec reads (model inputs). */
  readonly reads: readonly string[];
  /** Datasets its relationships tests look values up in (not lineage: tests read them). */
  readonly lookups: readonly string[];
  /** Glossary terms its columns bind to; for a glossary, the terms it defines. */
  readonly terms: readonly string[];
  /** Declared columns as written (name and type), for the project details view. */
  readonly columns: readonly SummaryColumn[];
  /** The load strategy as written (full, incremental, table, view, scd2), when stated. */
  readonly load?: string;
  /** The code targets as written (a model's, or the constitution's defaults). */
  readonly targets?: readonly string[];
  /** A source's table name in its system. */
  readonly table?: string;
  /** The constitution's sql_dialects as written. */
  readonly sqlDialects?: readonly string[];
  /** Workspace-relative seed CSV, for source specs. */
  readonly seed?: string;
  /** The first parse problem, formatted, when the file cannot be read at all. */
  readonly problem?: string;
  /** See spec-fingerprints.ts: everything but the prose. */
  readonly behaviour: string;
  /** See spec-fingerprints.ts: what its readers' validate, codegen and export can see of it. */
  readonly contract: string;
}

export interface SummaryColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * Never throws: whatever a file holds (any nesting depth, any bytes), a failure to read it
 * becomes its own invalid project, and every other project stays in the graph.
 */
export function summarizeSpec(file: string, text: string): SpecSummary {
  try {
    return summarizeText(file, text);
  } catch (error) {
    // Deep nesting under the bracket limit can still exhaust the stack of a parser or a walker.
    const code = error instanceof RangeError || /call stack/i.test(String(error)) ? 'PARSE007' : 'PARSE001';
    return invalidSummary(
      text,
      `${file}:1:1: error ${code}: The spec cannot be read (${code === 'PARSE007' ? 'it nests too deeply' : 'unexpected content'}).`,
    );
  }
}

function summarizeText(file: string, text: string): SpecSummary {
  const format = path.extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  if (Buffer.byteLength(text, 'utf8') > MAX_SPEC_BYTES)
    return invalidSummary(text, `${file}:1:1: error FILE002: The file is larger than a spec may be (${MAX_SPEC_BYTES} bytes).`);
  // Refused before js-yaml or JSON.parse recurse into it (see nesting-depth.ts); the guarded parser locates it.
  const quick = offsetOfDeepNesting(text, MAX_BRACKET_DEPTH) >= 0 ? undefined : quickParse(text, format);
  if (quick !== undefined) return summarizeData(file, quick, text);
  // The quick parser refused the file: the guarded parser says exactly where and why.
  const parsed = parseSpecText(file, text, format);
  if (!parsed.ok) return invalidSummary(text, formatDiagnostic(parsed.diagnostics[0]).split('\n')[0]);
  return summarizeData(file, parsed.doc.data as Record<string, unknown>, text);
}

/**
 * The graph needs a handful of fields from every spec on every cold graph computation, so it
 * reads them with js-yaml, about 7x faster than the position-keeping parser validate uses.
 * Anything js-yaml does not read as a plain mapping goes to the guarded parser instead.
 * js-yaml shares aliased nodes rather than copying them, and only named fields are read
 * below, so an alias bomb costs nothing here. The YAML 1.2 core schema leaves out js-yaml's
 * timestamp, merge and binary types, none of which a spec uses; matching every plain scalar
 * against the timestamp pattern was a tenth of a cold graph's createNodes.
 */
function quickParse(text: string, format: 'yaml' | 'json'): Record<string, unknown> | undefined {
  try {
    const data: unknown = format === 'json' ? JSON.parse(text) : loadYaml(text, { schema: CORE_SCHEMA });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A spec file the graph cannot read (permissions, a folder named like a spec, a file removed
 * while Nx walked the tree). It stays a project, so its validate reports FILE001 with the
 * reason, instead of vanishing from the graph and from every affected run.
 */
export function unreadableSummary(file: string, error: unknown): SpecSummary {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return invalidSummary(file, `${file}: the file cannot be read (${reason}).`);
}

/** A file that is not a readable spec: its own project, described by `problem` (file:line:col: error CODE: message). */
export function invalidSummary(text: string, problem: string): SpecSummary {
  const fingerprint = textFingerprint(text);
  return { kind: 'invalid', reads: [], lookups: [], terms: [], columns: [], problem, behaviour: fingerprint, contract: fingerprint };
}

function summarizeData(file: string, data: Record<string, unknown>, text: string): SpecSummary {
  const text_ = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];
  const kind = text_(data.kind) ?? 'unknown';
  const name = text_(data.name);
  const system = text_(data.system);
  const columns = list(data.columns);
  const terms =
    kind === 'glossary'
      ? list(data.terms)
          .map((t) => text_(t.name))
          .filter((t): t is string => !!t)
      : columns.map((c) => text_(c.glossary)).filter((t): t is string => !!t);
  const lookups = columns.flatMap((c) =>
    list(c.tests).map((t) =>
      t.relationships && typeof t.relationships === 'object' ? text_((t.relationships as Record<string, unknown>).to) : undefined,
    ),
  );
  const seed = text_(data.seed);
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
  return {
    kind,
    name: kind === 'source' && name && system ? sourceDatasetName({ system, name }) : name,
    layer: text_(data.layer),
    system,
    owner: text_(data.owner),
    description: text_(data.description),
    reads: [
      ...new Set(
        list(data.sources)
          .map((s) => text_(s.ref))
          .filter((r): r is string => !!r),
      ),
    ].sort(),
    lookups: [...new Set(lookups.filter((l): l is string => !!l))].sort(),
    terms: [...new Set(terms)].sort(),
    columns:
      kind === 'glossary' ? [] : columns.flatMap((c) => (text_(c.name) ? [{ name: text_(c.name)!, type: text_(c.type) ?? '' }] : [])),
    load: data.load && typeof data.load === 'object' ? text_((data.load as Record<string, unknown>).strategy) : undefined,
    targets: strings(data.targets),
    table: kind === 'source' ? name : undefined,
    sqlDialects: kind === 'constitution' ? strings(data.sql_dialects) : undefined,
    seed:
      kind === 'source' && seed && !seed.includes('/') && !seed.includes('\\')
        ? path.posix.join(path.posix.dirname(file), seed)
        : undefined,
    behaviour: behaviourFingerprint(data, text),
    contract: contractFingerprint(data, text),
  };
}
