import { ALL_TARGETS, type ConstitutionSpec } from '../spec/types';
import type { DiagnosticSink } from './diagnostic-sink';
import type { LoadedSpec } from '../spec/loaded-spec';
import type { Constitution } from './nodes';
import { compilePattern } from './regex';

export const DEFAULT_SCHEDULE = '@daily';
export const DEFAULT_SOURCE_SCHEMA = 'raw';

export function buildConstitution(sink: DiagnosticSink, { doc, spec }: LoadedSpec<ConstitutionSpec>): Constitution {
  for (const [name, layer] of Object.entries(spec.layers)) checkRegex(sink, doc, `/layers/${name}/pattern`, layer.pattern);
  (spec.pii?.detect ?? []).forEach((pattern, i) => checkRegex(sink, doc, `/pii/detect/${i}`, pattern));
  (spec.staging?.cleanups ?? []).forEach(
    (cleanup, i) => cleanup.columns !== undefined && checkRegex(sink, doc, `/staging/cleanups/${i}/columns`, cleanup.columns),
  );
  const layerNames = Object.keys(spec.layers);
  (spec.pii?.allowed_layers ?? []).forEach((layer, i) => {
    if (!layerNames.includes(layer))
      sink.error(
        'NAME004',
        doc,
        `/pii/allowed_layers/${i}`,
        `The PII policy names the layer "${layer}", which is not declared.`,
        `Declare it under layers, or use one of: ${layerNames.join(', ')}.`,
      );
  });
  return Object.freeze({
    name: spec.name,
    file: doc.file,
    location: doc.positions.locate(''),
    pointer: '',
    description: spec.description,
    owner: spec.owner,
    dialect: spec.dialect,
    warehouse: spec.warehouse ?? spec.dialect,
    targets: spec.targets ?? ALL_TARGETS,
    sqlDialects: sqlDialectsOf(spec.sql_dialects),
    schedule: spec.schedule ?? DEFAULT_SCHEDULE,
    sourceSchema: spec.source_schema ?? DEFAULT_SOURCE_SCHEMA,
    layers: Object.entries(spec.layers).map(([name, layer]) => ({
      name,
      pattern: layer.pattern,
      schema: layer.schema ?? name,
      description: layer.description,
    })),
    requiredFields: spec.rules?.required_fields ?? [],
    primaryKeyTests: spec.rules?.primary_key_tests ?? false,
    pii: {
      detect: spec.pii?.detect ?? [],
      allowedLayers: spec.pii?.allowed_layers,
      maskingFunctions: (spec.pii?.masking_functions ?? []).map((f) => f.toUpperCase()),
    },
    stagingCleanups: (spec.staging?.cleanups ?? []).map((c) => ({ columns: c.columns, types: c.types ?? [], transform: c.transform })),
  });
}

function checkRegex(sink: DiagnosticSink, doc: LoadedSpec['doc'], pointer: string, pattern: string): void {
  if (compilePattern(pattern) === undefined) {
    sink.error(
      'SCHEMA006',
      doc,
      pointer,
      `"${pattern}" is not a valid regular expression.`,
      'Write a JavaScript regular expression, e.g. ^stg_[a-z0-9_]+$.',
    );
  }
}

/** The dialects plain SQL is written in. DuckDB always comes first: local runs and tests execute it. */
export function sqlDialectsOf(written: readonly string[] | undefined): string[] {
  return ['duckdb', ...(written ?? []).filter((dialect) => dialect !== 'duckdb')];
}
