import type { GlossarySpec, WorkflowSpec } from '../spec/types';
import type { DiagnosticSink } from './diagnostic-sink';
import type { LoadedSpec } from '../spec/loaded-spec';
import type { GlossaryTerm, Workflow } from './nodes';

export function buildGlossaryTerms(
  sink: DiagnosticSink,
  { doc, spec }: LoadedSpec<GlossarySpec>,
  known: Map<string, GlossaryTerm>,
): GlossaryTerm[] {
  return spec.terms.flatMap((term, i) => {
    const pointer = `/terms/${i}`;
    const first = known.get(term.name);
    if (first) {
      const here = doc.positions.locate(`${pointer}/name`);
      sink.error(
        'NAME005',
        doc,
        `${pointer}/name`,
        `The glossary term "${term.name}" is defined twice.`,
        'Merge the two definitions, or rename one.',
        [first.location],
      );
      // Reported in both files: each glossary's validate must fail, whichever file changed.
      if (first.file !== doc.file) {
        sink.add({
          code: 'NAME005',
          severity: 'error',
          location: first.location,
          pointer: `${first.pointer}/name`,
          message: `The glossary term "${term.name}" is defined again in ${doc.file}.`,
          hint: 'Merge the two definitions, or rename one.',
          related: [here],
        });
      }
      return [];
    }
    const built: GlossaryTerm = Object.freeze({
      name: term.name,
      title: term.title,
      definition: term.definition,
      synonyms: term.synonyms ?? [],
      owner: term.owner,
      related: term.related ?? [],
      file: doc.file,
      location: doc.positions.locate(pointer),
      pointer,
    });
    known.set(term.name, built);
    return [built];
  });
}

export function buildWorkflow({ doc, spec }: LoadedSpec<WorkflowSpec>): Workflow {
  return Object.freeze({
    name: spec.name,
    file: doc.file,
    description: spec.description,
    appliesTo: {
      kinds: spec.applies_to?.kinds ?? ['model'],
      layers: spec.applies_to?.layers ?? [],
      loadStrategies: spec.applies_to?.load_strategies ?? [],
    },
    steps: spec.steps,
    acceptance: spec.acceptance ?? ['validate', 'test'],
    location: doc.positions.locate(''),
    pointer: '',
  });
}
