import { didYouMean as closest, type Diagnostic } from '../diagnostics';
import { DatasetGraph } from './dataset-graph';
import type { ConstitutionSpec, GlossarySpec, ModelSpec, SourceSpec, WorkflowSpec } from '../spec/types';
import { buildConstitution } from './build-constitution';
import { buildGlossaryTerms, buildWorkflow } from './build-glossary';
import { buildModel } from './build-model';
import { sourceDatasetName } from '../spec/dataset-name';
import { buildSource } from './build-source';
import { scd2ColumnNames, type DatasetShape } from './dataset-shapes';
import { DiagnosticSink } from './diagnostic-sink';
import type { LoadedSpec } from '../spec/loaded-spec';
import type { Catalog, Dataset, GlossaryTerm, Model } from './nodes';

export interface CatalogBuildOptions {
  /** Whether a workspace-relative file exists (seed CSVs). */
  readonly fileExists: (workspacePath: string) => boolean;
  /** Where to report a missing constitution. */
  readonly constitutionPath?: string;
}

export interface CatalogBuild {
  /** Undefined only when there is no usable constitution. */
  readonly catalog?: Catalog;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Builds the resolved model from specs that passed their schema: normalise each spec,
 * resolve references between them, then order the models by dependency. Reference and
 * semantic errors are reported, and the offending part left out, so one bad column does
 * not hide the rest of the catalog from later passes.
 */
export function buildCatalog(specs: readonly LoadedSpec[], options: CatalogBuildOptions): CatalogBuild {
  const sink = new DiagnosticSink();
  const sorted = [...specs].sort((a, b) => (a.doc.file < b.doc.file ? -1 : a.doc.file > b.doc.file ? 1 : 0));
  const ofKind = <S extends LoadedSpec>(kind: string) => sorted.filter((s) => s.spec.kind === kind) as S[];

  const constitutions = ofKind<LoadedSpec<ConstitutionSpec>>('constitution');
  if (constitutions.length === 0) {
    const file = options.constitutionPath ?? 'specs/constitution.yaml';
    sink.add({
      code: 'CONST001',
      severity: 'error',
      location: { file, line: 1, column: 1 },
      pointer: '',
      message: 'The workspace has no constitution.',
      hint: `Create ${file} with kind: constitution (nx g spec:init writes one).`,
    });
    return { diagnostics: sink.diagnostics };
  }
  for (const extra of constitutions.slice(1)) {
    sink.error(
      'CONST001',
      extra.doc,
      '',
      'A second constitution: a workspace has exactly one.',
      `Merge its rules into ${constitutions[0].doc.file} and delete this file.`,
      [constitutions[0].doc.positions.locate('')],
    );
  }
  const constitution = buildConstitution(sink, constitutions[0]);

  const terms = new Map<string, GlossaryTerm>();
  const glossary = ofKind<LoadedSpec<GlossarySpec>>('glossary').flatMap((g) => buildGlossaryTerms(sink, g, terms));
  const workflows = ofKind<LoadedSpec<WorkflowSpec>>('workflow').map(buildWorkflow);

  // First pass: every dataset's name and columns, so references resolve in any file order.
  const shapes = new Map<string, DatasetShape & { readonly loaded: LoadedSpec }>();
  const claim = (name: string, loaded: LoadedSpec, shape: Omit<DatasetShape, 'file'>): boolean => {
    const first = shapes.get(name);
    if (first) {
      sink.error(
        'NAME001',
        loaded.doc,
        '/name',
        `The dataset "${name}" is already defined in ${first.file}.`,
        `Rename one of the two, or delete the duplicate: ${first.file} and ${loaded.doc.file} both define it.`,
        [first.loaded.doc.positions.locate('/name')],
      );
      return false;
    }
    shapes.set(name, { ...shape, file: loaded.doc.file, loaded });
    return true;
  };
  const sourceSpecs = ofKind<LoadedSpec<SourceSpec>>('source').filter((s) =>
    claim(sourceDatasetName(s.spec), s, { kind: 'source', columns: new Set(s.spec.columns.map((c) => c.name)) }),
  );
  const modelSpecs = ofKind<LoadedSpec<ModelSpec>>('model').filter((m) =>
    claim(m.spec.name, m, {
      kind: 'model',
      columns: new Set([...m.spec.columns.map((c) => c.name), ...(m.spec.load?.strategy === 'scd2' ? scd2ColumnNames(m.spec.load) : [])]),
    }),
  );

  const sources = sourceSpecs.map((s) => buildSource(sink, s, constitution, options.fileExists));
  const builtModels = modelSpecs.map((m) => buildModel(sink, m, constitution, shapes));
  const datasets = new Map<string, Dataset>([...sources, ...builtModels].map((d) => [d.name, d]));

  checkCrossReferences(sink, [...datasets.values()], shapes, terms, sorted);
  const graph = new DatasetGraph(
    datasets.keys(),
    builtModels.flatMap((m) => m.inputs.map((input) => [input.ref, m.name] as const)),
  );
  const models = orderModels(sink, graph, builtModels, datasets, sorted);

  const catalog: Catalog = Object.freeze({
    constitution,
    sources: sources.sort((a, b) => (a.name < b.name ? -1 : 1)),
    models,
    glossary: glossary.sort((a, b) => (a.name < b.name ? -1 : 1)),
    workflows: workflows.sort((a, b) => (a.name < b.name ? -1 : 1)),
    datasets,
    graph,
  });
  return { catalog, diagnostics: sink.diagnostics };
}

/** Glossary terms and relationships tests point across specs; both must resolve. */
function checkCrossReferences(
  sink: DiagnosticSink,
  datasets: readonly Dataset[],
  shapes: ReadonlyMap<string, DatasetShape>,
  terms: ReadonlyMap<string, GlossaryTerm>,
  specs: readonly LoadedSpec[],
): void {
  const docOf = new Map(specs.map((s) => [s.doc.file, s.doc]));
  for (const dataset of datasets) {
    const doc = docOf.get(dataset.file)!;
    for (const column of dataset.columns) {
      if (column.glossary !== undefined && !terms.has(column.glossary)) {
        const known = [...terms.keys()];
        sink.error(
          'REF004',
          doc,
          `${column.pointer}/glossary`,
          `"${column.glossary}" is not a glossary term.`,
          `${closest(column.glossary, known)}Define it in the glossary, or use one of: ${known.slice(0, 20).join(', ')}.`,
        );
      }
      for (const test of column.tests) {
        if (test.kind !== 'relationships') continue;
        const target = shapes.get(test.to);
        if (!target)
          sink.error(
            'REF007',
            doc,
            `${test.pointer}/relationships/to`,
            `The relationships test points at "${test.to}", which is not a known dataset.`,
            `${closest(test.to, shapes.keys())}Name a source (<system>_<table>) or a model.`,
          );
        else if (!target.columns.has(test.field))
          sink.error(
            'REF007',
            doc,
            `${test.pointer}/relationships/field`,
            `"${test.to}" has no column "${test.field}".`,
            `${closest(test.field, target.columns)}Columns: ${[...target.columns].join(', ')}.`,
          );
      }
    }
  }
  // A term's related entries are links a reader follows: one that leads nowhere is an error too.
  for (const term of terms.values()) {
    const doc = docOf.get(term.file);
    if (!doc) continue;
    term.related.forEach((name, index) => {
      if (terms.has(name)) return;
      const known = [...terms.keys()];
      sink.error(
        'REF004',
        doc,
        `${term.pointer}/related/${index}`,
        `The glossary term "${term.name}" is related to "${name}", which is not a glossary term.`,
        `${closest(name, known)}Define "${name}" in the glossary, or remove it from related.`,
      );
    });
  }
}

function orderModels(
  sink: DiagnosticSink,
  graph: DatasetGraph,
  models: readonly Model[],
  datasets: ReadonlyMap<string, Dataset>,
  specs: readonly LoadedSpec[],
): Model[] {
  const { order, cycles } = graph.topologicalOrder();
  const docOf = new Map(specs.map((s) => [s.doc.file, s.doc]));
  for (const cycle of cycles) {
    const first = datasets.get(cycle[0]) as Model;
    const inputIndex = first.inputs.findIndex((input) => input.ref === cycle[cycle.length - 2]);
    sink.error(
      'GRAPH001',
      docOf.get(first.file)!,
      inputIndex >= 0 ? `/sources/${inputIndex}/ref` : '',
      `The models form a cycle: ${cycle.join(' -> ')}.`,
      'Break the cycle: one of these models must stop reading the next; move the shared logic into an upstream model.',
      cycle.slice(1, -1).map((name) => datasets.get(name)!.location),
    );
  }
  const position = new Map(order.map((name, i) => [name, i]));
  // Models caught in a cycle go last, by name, so later passes still see them.
  return [...models].sort((a, b) => (position.get(a.name) ?? Infinity) - (position.get(b.name) ?? Infinity) || (a.name < b.name ? -1 : 1));
}
