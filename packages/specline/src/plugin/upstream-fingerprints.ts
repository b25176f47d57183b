import type { ProjectGraphExternalNode } from '@nx/devkit';
import type { GlossaryBindings } from './glossary-inputs';
import type { LookupProjects } from './lookup-projects';
import { combineFingerprints } from './spec-fingerprints';
import type { SpecSummary } from './spec-summary';

/** Which of a dataset's fingerprints (see spec-fingerprints.ts) its readers' tasks key on. */
export type FingerprintKind = 'contract' | 'behaviour';

/** What one project's cached tasks read from other specs, one fingerprint per kind. */
export type UpstreamFingerprints = Readonly<Record<FingerprintKind, string>>;

/**
 * What one project's cached tasks read from other specs: for each kind, a fingerprint of the
 * datasets upstream of it and of those its relationships tests look values up in (tests build
 * data through all of them; validate, codegen and export refuse while any has errors), and of
 * the glossaries its columns bind to. `behaviour` keys its test, which reads their data;
 * `contract` keys validate, codegen and export, which read their relations and columns only.
 *
 * A dataset's deep fingerprint is a hash of its own and its inputs' deep fingerprints (a
 * Merkle hash), so each is computed once per graph computation, however many models share an
 * input. Deep, for the contract too: whether an input validates depends on its own inputs'
 * columns, and a reader refuses while anything upstream of it has errors.
 */
export function upstreamResolver(
  summaries: ReadonlyMap<string, SpecSummary>,
  names: ReadonlyMap<string, string>,
  lineageOf: (file: string) => readonly string[],
  lookupsOf: (file: string) => LookupProjects,
  glossariesOf: (file: string) => GlossaryBindings,
): (file: string) => UpstreamFingerprints {
  const fileOf = new Map<string, string>();
  for (const [file, name] of names) fileOf.set(name, file);
  const summaryOf = (name: string) => summaries.get(fileOf.get(name)!)!;
  const datasetInputs = (name: string) => lineageOf(fileOf.get(name)!);
  const deep = { contract: deepResolver('contract'), behaviour: deepResolver('behaviour') };

  function deepResolver(kind: FingerprintKind): (start: string) => string {
    const memo = new Map<string, string>();
    return (start) => {
      // Iterative post-order, so that a long chain of models cannot overflow the stack; a cycle
      // (which validate reports) is cut where it closes.
      const stack: { name: string; expanded: boolean }[] = [{ name: start, expanded: false }];
      const onPath = new Set<string>();
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (memo.has(top.name)) {
          stack.pop();
          continue;
        }
        if (!top.expanded) {
          top.expanded = true;
          onPath.add(top.name);
          for (const input of datasetInputs(top.name))
            if (!memo.has(input) && !onPath.has(input)) stack.push({ name: input, expanded: false });
          continue;
        }
        stack.pop();
        onPath.delete(top.name);
        const inputs = datasetInputs(top.name).map((input) => `${input}=${memo.get(input) ?? summaryOf(input)[kind]}`);
        memo.set(top.name, combineFingerprints([summaryOf(top.name)[kind], ...inputs]));
      }
      return memo.get(start)!;
    };
  }

  const of = (file: string, kind: FingerprintKind) =>
    combineFingerprints([
      ...lineageOf(file).map((name) => `${name}=${deep[kind](name)}`),
      // A glossary's terms reach review documents and checks alike: its behaviour for both kinds.
      ...glossariesOf(file).projects.map((name) => `${name}=${summaryOf(name).behaviour}`),
      ...lookupsOf(file).direct.map((name) => `lookup:${name}=${deep[kind](name)}`),
    ]);
  return (file) => ({ contract: of(file, 'contract'), behaviour: of(file, 'behaviour') });
}

/**
 * Each fingerprint rides into the cache keys on an external node of its own, which a target
 * names in an `externalDependencies` input, rather than as a target option: Nx hashes every
 * target's options into each task's key (every task's plan takes its own project's
 * `ProjectConfiguration` instruction, gather_self_inputs in
 * packages/nx/src/native/tasks/hash_planner.rs, whose hash concatenates every target's name,
 * executor, outputs, options and configurations, hashers/hash_project_config.rs), so one
 * option would key validate on what only test reads. An external node's `hash` is hashed
 * without reading a file (hashers/hash_external.rs), for exactly the tasks whose target names
 * it (target_input in hash_planner.rs, which looks the name up as it is before trying
 * `npm:<name>`).
 *
 * The name holds a dot, which neither a Specline project name nor an npm package node's
 * `npm:` name can, so it cannot be taken for either (the graph page reads `<project>:...`
 * inputs as a project's files). `nx graph` leaves external nodes out, and these have no edges.
 * The version stays constant: Nx recomputes every file's dependencies when an external node's
 * version changes (build-project-graph.js, hashExternalNodes), and nothing reads it here.
 */
export function upstreamNodeName(projectName: string, kind: FingerprintKind): string {
  return `specline.upstream-${kind}:${projectName}`;
}

export function upstreamNodes(projectName: string, fingerprints: UpstreamFingerprints): Record<string, ProjectGraphExternalNode> {
  const nodes: Record<string, ProjectGraphExternalNode> = {};
  for (const kind of ['contract', 'behaviour'] as const) {
    const name = upstreamNodeName(projectName, kind);
    nodes[name] = { type: 'specline', name, data: { version: '0', packageName: name, hash: fingerprints[kind] } };
  }
  return nodes;
}

/** For the catalog-wide code, which is built from every spec: all of their behaviour. */
export function catalogFingerprint(summaries: ReadonlyMap<string, SpecSummary>, names: ReadonlyMap<string, string>): string {
  return combineFingerprints(
    [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, name]) => `${name}=${summaries.get(file)!.behaviour}`),
  );
}
