import type { TargetConfiguration } from '@nx/devkit';

/** One non-string entry of a target's inputs (a fileset, runtime, env or named input). */
export type InputDefinition = Exclude<NonNullable<TargetConfiguration['inputs']>[number], string>;
import type { CodePaths } from '../emitters';
import type { LookupProjects } from './lookup-projects';
import { upstreamNodeName, type FingerprintKind, type UpstreamFingerprints } from './upstream-fingerprints';
import { DEFAULT_OPTIONS, type NormalizedOptions } from '../workspace/options';

export const EXECUTOR_PACKAGE = '@specline/nx-plugin';

/** What every target of one spec project is built from. */
export interface TargetContext {
  readonly options: NormalizedOptions;
  readonly projectName: string;
  readonly specFile: string;
  /** Workspace-relative constitution path, when the workspace has one. */
  readonly constitutionFile?: string;
  readonly pluginInputs: readonly (string | InputDefinition)[];
  /** Datasets this one's relationships tests read (see lookup-projects.ts). */
  readonly lookups?: LookupProjects;
  /** Whether its columns bind glossary terms, i.e. it has a GLOSSARY_INPUT (see glossary-inputs.ts). */
  readonly glossaries?: boolean;
  /**
   * Fingerprints of what its tasks read from other specs (see upstream-fingerprints.ts), when it
   * reads any: createNodes returns them as external nodes, which its targets name.
   */
  readonly upstream?: UpstreamFingerprints;
  /** A fingerprint of its own spec without the prose (see spec-fingerprints.ts). */
  readonly behaviour?: string;
  /** What its codegen writes in the platform trees (see code-outputs.ts). */
  readonly codePaths?: CodePaths;
}

/** The named input holding the spec file (and seed): what a dependent project depends on. */
export const SPEC_INPUT = 'specline-spec';

/** The named input holding a source's seed CSV (empty for other specs): the data tests build from. */
export const SEED_INPUT = 'specline-seed';

/** The catalog project's named input: every file of the specs folder (see catalog-project.ts). */
export const SPECS_INPUT = 'specline-specs';

/**
 * A dataset's named input holding the glossaries its columns bind to, an input of validate
 * only (validate checks each bound term exists). It is what keeps a glossary edit affecting the
 * datasets that bind its terms now that no graph edge leads to the glossary: Nx counts a
 * project as touched when a `{workspaceRoot}/` file that one of its targets reads changes
 * (a named input no target uses does not count). The other targets key on the glossaries'
 * behaviour through the upstream fingerprints, so a glossary's prose re-runs only validate.
 */
export const GLOSSARY_INPUT = 'specline-glossary';

/**
 * The named input every cached target shares: the constitution and the plugin itself. Declared
 * once per project (see sharedNamedInput) rather than spelled out in each target, because Nx
 * copies, merges, hashes and caches every inferred configuration value: at 10,000 specs each
 * repeated entry costs tens of thousands of them.
 */
export const SHARED_INPUT = 'specline-shared';

export function sharedNamedInput(context: Pick<TargetContext, 'constitutionFile' | 'pluginInputs'>): (string | InputDefinition)[] {
  return [...(context.constitutionFile ? [`{workspaceRoot}/${context.constitutionFile}`] : []), ...context.pluginInputs];
}

/** Options that differ from the executors' defaults; the defaults are not repeated on every target. */
function optionsOf(context: TargetContext, extra: Record<string, string> = {}): Record<string, string> {
  const options: Record<string, string> = {};
  if (context.options.specsDir !== DEFAULT_OPTIONS.specsDir) options.specsDir = context.options.specsDir;
  if (context.options.outputDir !== DEFAULT_OPTIONS.outputDir) options.outputDir = context.options.outputDir;
  return { ...options, ...extra };
}

function lookupSeedInputs(projects: readonly string[] | undefined): InputDefinition[] {
  return projects && projects.length > 0 ? [{ input: SEED_INPUT, projects: [...projects] }] : [];
}

/**
 * The input through which other specs enter a target's cache key: the external node carrying
 * the project's upstream fingerprint of that kind (see upstream-fingerprints.ts for why not an
 * option, and spec-fingerprints.ts for why not `^` or `dependentTasksOutputFiles` inputs).
 * Every cached dataset target has one, empty when the project reads no other spec: a target
 * without an `externalDependencies` input hashes every external node of the graph, every
 * project's fingerprints included, so any behaviour edit anywhere would re-key it.
 */
function upstreamInput(context: TargetContext, kind: FingerprintKind): InputDefinition {
  return { externalDependencies: context.upstream ? [upstreamNodeName(context.projectName, kind)] : [] };
}

export function buildValidateTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:validate`,
    cache: true,
    inputs: [SPEC_INPUT, ...(context.glossaries ? [GLOSSARY_INPUT] : []), SHARED_INPUT, upstreamInput(context, 'contract')],
    outputs: [],
    options: optionsOf(context),
    metadata: {
      description: 'Checks the spec: JSON Schema, references, cycles, SQL expressions and the constitution rules.',
    },
  };
}

/**
 * Review documents. A dataset's documents come from its own spec, and its OpenLineage facet
 * names its inputs as they are (schema, warehouse, columns); whether it validates also depends
 * on its inputs (a renamed upstream column breaks its from:). The upstream contract covers
 * both. Editing a description re-exports that project and the catalog; its readers answer from
 * cache. The catalog's documents come from every spec, prose included.
 */
export function buildExportTarget(context: TargetContext, scope: 'dataset' | 'catalog' = 'dataset'): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:export`,
    cache: true,
    inputs: scope === 'catalog' ? [SPECS_INPUT, SHARED_INPUT] : [SPEC_INPUT, SHARED_INPUT, upstreamInput(context, 'contract')],
    outputs: [`{workspaceRoot}/${context.options.outputDir}/${context.projectName}/export`],
    options: optionsOf(context, scope === 'catalog' ? { scope } : {}),
    metadata: {
      description:
        scope === 'catalog'
          ? 'Writes the catalog review documents: the Excel workbook, the 00_-05_ CSV set, the table-level Mermaid graph and the OpenLineage column lineage of every dataset.'
          : "Writes this spec's review documents: its CSV column mapping, Mermaid diagram, Markdown review page and OpenLineage column-lineage facet.",
    },
  };
}

/**
 * Platform code. A dataset's code depends on its own spec and on its inputs' contracts, but not
 * on their prose or on the values in their SQL: a new description or a changed threshold
 * upstream re-runs no downstream codegen. No task reads another's output files, so codegen
 * tasks do not wait for each other. The catalog's files (DAGs,
 * build.sql, project settings) depend on the behaviour of every spec, not on their prose.
 *
 * Every project writes into the same platform trees (<outputDir>/dbt, dataform, ...), and its
 * outputs are exactly its own files there, so Nx caches and restores only those. The catalog's
 * codegen depends on `prune`, which removes what no project owns any more.
 */
export function buildCodegenTarget(
  context: TargetContext,
  scope: 'dataset' | 'catalog' = 'dataset',
  catalogFingerprint?: string,
): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:codegen`,
    cache: true,
    inputs: scope === 'catalog' ? [SHARED_INPUT] : [SPEC_INPUT, SHARED_INPUT, upstreamInput(context, 'contract')],
    outputs: [
      ...(scope === 'catalog' ? [] : [`${context.options.outputDir}/${context.projectName}/codegen`]),
      ...(context.codePaths
        ? [...context.codePaths.files, ...context.codePaths.folders].map((file) => `${context.options.outputDir}/${file}`)
        : []),
    ].map((file) => `{workspaceRoot}/${file}`),
    ...(scope === 'catalog' ? { dependsOn: [PRUNE_TARGET] } : {}),
    // A committed copy of the trees is kept in sync by Nx's sync machinery (nx sync, nx sync:check).
    ...(scope === 'catalog' && context.options.generatedDir ? { syncGenerators: [SYNC_GENERATED_GENERATOR] } : {}),
    // The catalog-wide code reads every spec's behaviour. An option serves there: the catalog
    // project's other targets read every spec file anyway. Having no externalDependencies
    // input, it also hashes every external node, which change only when a behaviour does.
    options: optionsOf(context, scope === 'catalog' ? { scope, ...(catalogFingerprint ? { upstream: catalogFingerprint } : {}) } : {}),
    metadata: {
      description:
        scope === 'catalog'
          ? 'Generates the catalog-wide code: dbt_project.yml and profiles.yml, Dataform workflow_settings.yaml, Airflow DAGs per schedule and build.sql per SQL dialect.'
          : "Generates this spec's files in the dbt, Dataform, PySpark and SQL trees, and its contract.json.",
    },
  };
}

export const PRUNE_TARGET = 'prune';

/** The sync generator that keeps the plugin option generatedDir's folder equal to the generated trees. */
export const SYNC_GENERATED_GENERATOR = `${EXECUTOR_PACKAGE}:sync-generated`;

/**
 * Removes from the platform trees every file no project's codegen declares as its output: the
 * files of a deleted or renamed spec, or of a platform a spec no longer targets. Uncached and
 * cheap (it reads the project graph, not the specs): a cached codegen cannot remove anything,
 * since restoring a cache entry only ever writes.
 */
export function buildPruneTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:prune`,
    cache: false,
    // Hashed though never looked up (see uncachedDuckdbTarget).
    inputs: [SHARED_INPUT],
    options: optionsOf(context),
    metadata: {
      description:
        "Removes generated files that no current spec owns from the output folder's dbt, Dataform, Airflow, SQL and PySpark trees.",
    },
  };
}

/**
 * A model's spec-derived tests on DuckDB. Cached: the result depends on the model's behaviour
 * (not its prose: no check reads a description), the behaviour and seeds of everything
 * upstream of it (and of what its relationships tests look up), the constitution and the
 * plugin. So its key takes the spec's behaviour fingerprint as an option instead of the spec
 * file as an input (its own spec's edits re-run the other targets anyway), and the upstream
 * behaviour fingerprint: a description edit re-runs the model's validate, codegen and export
 * (their outputs carry the prose) and answers its test from the cache. JUnit XML is the output.
 */
export function buildTestTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:test`,
    cache: true,
    inputs: [
      SEED_INPUT,
      `^${SEED_INPUT}`,
      ...lookupSeedInputs(context.lookups?.withUpstream),
      SHARED_INPUT,
      upstreamInput(context, 'behaviour'),
    ],
    outputs: [`{workspaceRoot}/${context.options.outputDir}/${context.projectName}/test-results.xml`],
    options: optionsOf(context, context.behaviour ? { behaviour: context.behaviour } : {}),
    metadata: {
      description:
        'Runs the spec-derived tests on DuckDB: generic tests on seed-built data, unit tests from given/expect, property-based tests.',
    },
  };
}

/** Builds the model and everything upstream into a local DuckDB file; uncached, like any run. */
export function buildRunTarget(context: TargetContext): TargetConfiguration {
  return uncachedDuckdbTarget(
    context,
    'run',
    `Builds the model and everything upstream into ${context.options.outputDir}/run/${context.projectName}.duckdb from the seed CSVs, then runs its generic tests.`,
  );
}

/** Checks a hand-written or generated implementation (--sql=path) against the spec. */
export function buildConformTarget(context: TargetContext): TargetConfiguration {
  return uncachedDuckdbTarget(
    context,
    'conform',
    'Checks an implementation (--sql=path/to/model.sql) against the spec: output columns and types, unit, generic and property tests.',
  );
}

function uncachedDuckdbTarget(context: TargetContext, executor: 'run' | 'conform', description: string): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:${executor}`,
    cache: false,
    // Nx hashes uncached tasks too; the default inputs do not resolve for a project whose root
    // is a file. The hash is never looked up, so the spec alone will do.
    inputs: [SPEC_INPUT],
    options: optionsOf(context),
    metadata: { description },
  };
}

/** Prints a column's lineage (--column=<name> [--direction=up|down]); uncached, it only reads. */
export function buildLineageTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:lineage`,
    cache: false,
    // Hashed though never looked up (see uncachedDuckdbTarget): the spec alone will do.
    inputs: [SPEC_INPUT],
    options: optionsOf(context),
    metadata: {
      description:
        "Prints a column's lineage across every hop (--column=<name> [--direction=up|down]): to the sources or to the marts, with each transform.",
    },
  };
}

/**
 * The catalog's impact report between two git revisions (--base=<ref> [--head=<ref>]
 * [--fail-on=breaking]); uncached, since a ref names a moving revision and the working tree
 * is the default head.
 */
export function buildImpactTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:impact`,
    cache: false,
    // Hashed though never looked up (see uncachedDuckdbTarget).
    inputs: [SPECS_INPUT],
    options: optionsOf(context),
    metadata: {
      description:
        'Reports what a change does (--base=<ref> [--head=<ref>], working tree by default): per column breaking, data-changing, non-breaking or documentation, with downstream columns, tests and generated files; writes impact.md and impact.json.',
    },
  };
}
