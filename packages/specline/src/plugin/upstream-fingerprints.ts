import type { GlossaryBindings } from './glossary-inputs';
import type { LookupProjects } from './lookup-projects';
import { combineFingerprints } from './spec-fingerprints';
import type { SpecSummary } from './spec-summary';

/**
 * What one project's cached tasks read from other specs, as one fingerprint: the behaviour of
 * every dataset upstream of it and of those its relationships tests look values up in (tests
 * build data through all of them), and of the glossaries its columns bind to.
 *
 * One per project, not one per target: Nx hashes every target's options into each task's key
 * (see spec-fingerprints.ts), so validate could not be keyed on upstream contracts alone while
 * test is keyed on upstream behaviour. A changed filter upstream therefore re-runs all of a
 * dependent's tasks; a changed description re-runs none. In Nx's source: every task's plan
 * takes its own project's `ProjectConfiguration` instruction (gather_self_inputs in
 * packages/nx/src/native/tasks/hash_planner.rs), whose hash concatenates, for every target,
 * name, executor, outputs, options, configurations and parallelism
 * (packages/nx/src/native/tasks/hashers/hash_project_config.rs). The one per-task value Nx
 * hashes from the graph without reading files is an external node's `hash`, through a
 * target's `externalDependencies` input (hashers/hash_external.rs), and createNodes may
 * return external nodes: a per-target key could ride on that, once what each target reads
 * from upstream has its own fingerprint.
 *
 * A dataset's deep behaviour is a hash of its own and its inputs' deep behaviour (a Merkle
 * hash), so each is computed once per graph computation, however many models share an input.
 */
export function upstreamResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
  lineageOf: (file: string) => readonly string[],
  lookupsOf: (file: string) => LookupProjects,
  glossariesOf: (file: string) => GlossaryBindings,
): (file: string) => string {
  const fileOf = new Map<string, string>();
  for (const [file, name] of names) fileOf.set(name, file);
  const summaryOf = (name: string) => summaries.get(fileOf.get(name)!)!;
  const datasetInputs = (name: string) => lineageOf(fileOf.get(name)!);

  const deep = new Map<string, string>();
  const deepBehaviour = (start: string): string => {
    // Iterative post-order, so that a long chain of models cannot overflow the stack; a cycle
    // (which validate reports) is cut where it closes.
    const stack: { name: string; expanded: boolean }[] = [{ name: start, expanded: false }];
    const onPath = new Set<string>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (deep.has(top.name)) {
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        onPath.add(top.name);
        for (const input of datasetInputs(top.name))
          if (!deep.has(input) && !onPath.has(input)) stack.push({ name: input, expanded: false });
        continue;
      }
      stack.pop();
      onPath.delete(top.name);
      const inputs = datasetInputs(top.name).map((input) => `${input}=${deep.get(input) ?? summaryOf(input).behaviour}`);
      deep.set(top.name, combineFingerprints([summaryOf(top.name).behaviour, ...inputs]));
    }
    return deep.get(start)!;
  };

  return (file) =>
    combineFingerprints([
      ...lineageOf(file).map((name) => `${name}=${deepBehaviour(name)}`),
      ...glossariesOf(file).projects.map((name) => `${name}=${summaryOf(name).behaviour}`),
      ...lookupsOf(file).direct.map((name) => `lookup:${name}=${deepBehaviour(name)}`),
    ]);
}

/** For the catalog-wide code, which is built from every spec: all of their behaviour. */
export function catalogFingerprint(summaries: ReadonlyMap<string, SpecSummary>, names: ReadonlyMap<string, string>): string {
  return combineFingerprints(
    [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, name]) => `${name}=${summaries.get(file)!.behaviour}`),
  );
}
