import type { TargetConfiguration } from '@nx/devkit';

type InputDefinition = Exclude<NonNullable<TargetConfiguration['inputs']>[number], string>;
import type { NormalizedOptions } from './options';

export const EXECUTOR_PACKAGE = '@specline/nx-plugin';

/** What every target of one spec project is built from. */
export interface TargetContext {
  readonly options: NormalizedOptions;
  readonly projectName: string;
  readonly specFile: string;
  /** Workspace-relative constitution path, when the workspace has one. */
  readonly constitutionFile?: string;
  readonly pluginInputs: readonly (string | InputDefinition)[];
}

/** The named input holding the spec file (and seed): what a dependent project depends on. */
export const SPEC_INPUT = 'specline-spec';

function sharedInputs(context: TargetContext): (string | InputDefinition)[] {
  return [...(context.constitutionFile ? [`{workspaceRoot}/${context.constitutionFile}`] : []), ...context.pluginInputs];
}

export function buildValidateTarget(context: TargetContext): TargetConfiguration {
  return {
    executor: `${EXECUTOR_PACKAGE}:validate`,
    cache: true,
    inputs: [SPEC_INPUT, `^${SPEC_INPUT}`, ...sharedInputs(context)],
    outputs: [],
    options: { specsDir: context.options.specsDir },
    metadata: {
      description: 'Checks the spec: JSON Schema, references, cycles, SQL expressions and the constitution rules.',
      technologies: ['specline'],
    },
  };
}
