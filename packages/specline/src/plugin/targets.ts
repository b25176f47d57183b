import type { TargetConfiguration } from '@nx/devkit';

type InputDefinition = Exclude<NonNullable<TargetConfiguration['inputs']>[number], string>;
import type { LookupProjects } from './lookup-projects';
import { DEFAULT_OPTIONS, type NormalizedOptions } from './options';

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
}

/** The named input holding the spec file (and seed): what a dependent project depends on. */
export const SPEC_INPUT = 'specline-spec';

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

function lookupInputs(projects: readonly string[] | undefined): InputDefinition[] {
  return projects && projects.length > 0 ? [{ input: SPEC_INPUT, projects: [...projects] }] : [];
}

export function buildValidateTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:validate`,
    cache: true,
    inputs: [SPEC_INPUT, `^${SPEC_INPUT}`, ...lookupInputs(context.lookups?.direct), SHARED_INPUT],
    outputs: [],
    options: optionsOf(context),
    metadata: {
      description: 'Checks the spec: JSON Schema, references, cycles, SQL expressions and the constitution rules.',
    },
  };
}

/**
 * Review documents. A dataset's documents come from its own spec and its inputs' contracts (no
 * `^` spec input), so editing a description re-exports that project and the catalog; its
 * readers answer from cache. The catalog's documents come from every spec it depends on.
 */
export function buildExportTarget(context: TargetContext, scope: 'dataset' | 'catalog' = 'dataset'): TargetConfiguration {
  // A dataset's documents come from its own spec, but whether it validates also depends on its
  // inputs' contracts (a renamed upstream column breaks its from:), so those are inputs too.
  const upstream: InputDefinition[] = scope === 'catalog' ? [] : [{ dependentTasksOutputFiles: '**/codegen/contract.json', transitive: false }];
  return {
    executor: `${EXECUTOR_PACKAGE}:export`,
    cache: true,
    ...(scope === 'catalog' ? {} : { dependsOn: ['^codegen'] }),
    inputs: [scope === 'catalog' ? `^${SPEC_INPUT}` : SPEC_INPUT, SHARED_INPUT, ...upstream],
    outputs: [`{workspaceRoot}/${context.options.outputDir}/${context.projectName}/export`],
    options: optionsOf(context, scope === 'catalog' ? { scope } : {}),
    metadata: {
      description:
        scope === 'catalog'
          ? 'Writes the catalog review documents: the Excel workbook, the 00_-05_ CSV set and the table-level Mermaid graph.'
          : "Writes this spec's review documents: its CSV column mapping, Mermaid diagram and Markdown review page.",
    },
  };
}

/** Where upstream codegen leaves what downstream code depends on (see emitters/contract). */
const UPSTREAM_CODEGEN_FILES = '**/codegen/{contract.json,orchestration.json,sql/**/*.sql}';

/**
 * Platform code. A dataset's code depends on its own spec and its inputs' contract.json, not
 * on their specs: an upstream edit that leaves the contract unchanged (a new description)
 * re-runs no downstream codegen. The catalog's files (DAGs, build.sql, project settings) depend
 * on every model's orchestration.json and SQL.
 */
export function buildCodegenTarget(context: TargetContext, scope: 'dataset' | 'catalog' = 'dataset'): TargetConfiguration {
  const upstream: InputDefinition = { dependentTasksOutputFiles: scope === 'catalog' ? UPSTREAM_CODEGEN_FILES : '**/codegen/contract.json', transitive: false };
  return {
    executor: `${EXECUTOR_PACKAGE}:codegen`,
    cache: true,
    dependsOn: ['^codegen'],
    inputs: [...(scope === 'catalog' ? [] : [SPEC_INPUT]), SHARED_INPUT, upstream],
    outputs: [`{workspaceRoot}/${context.options.outputDir}/${context.projectName}/codegen`],
    options: optionsOf(context, scope === 'catalog' ? { scope } : {}),
    metadata: {
      description:
        scope === 'catalog'
          ? 'Generates the catalog-wide code: dbt_project.yml, Dataform workflow_settings.yaml, Airflow DAGs per schedule and build.sql per SQL dialect.'
          : "Generates this spec's dbt, Dataform, PySpark, SQL and Airflow code and its contract.json.",
    },
  };
}

/**
 * A model's spec-derived tests on DuckDB. Cached: the result depends on the model's spec, the
 * specs and seeds upstream of it, the constitution and the plugin. JUnit XML is the output.
 */
export function buildTestTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:test`,
    cache: true,
    inputs: [SPEC_INPUT, `^${SPEC_INPUT}`, ...lookupInputs(context.lookups?.withUpstream), SHARED_INPUT],
    outputs: [`{workspaceRoot}/${context.options.outputDir}/${context.projectName}/test-results.xml`],
    options: optionsOf(context),
    metadata: {
      description: 'Runs the spec-derived tests on DuckDB: generic tests on seed-built data, unit tests from given/expect, property-based tests.',
    },
  };
}

/** Builds the model and everything upstream into a local DuckDB file; uncached, like any run. */
export function buildRunTarget(context: TargetContext): TargetConfiguration {
  return uncachedDuckdbTarget(context, 'run', `Builds the model and everything upstream into ${context.options.outputDir}/run/${context.projectName}.duckdb from the seed CSVs, then runs its generic tests.`);
}

/** Checks a hand-written or generated implementation (--sql=path) against the spec. */
export function buildConformTarget(context: TargetContext): TargetConfiguration {
  return uncachedDuckdbTarget(context, 'conform', 'Checks an implementation (--sql=path/to/model.sql) against the spec: output columns and types, unit, generic and property tests.');
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
