import { sqlDialectsOf } from '../catalog';
import { catalogCodePaths, datasetCodePaths, type CatalogPlacement, type CodePaths } from '../emitters';
import { ALL_TARGETS, type Target } from '../spec/types';
import type { SpecSummary } from './spec-summary';

/**
 * The paths a codegen task writes in the platform trees, from the spec summaries alone (the
 * graph loads no catalog): what Nx caches and restores for it, through the same map from a
 * dataset to its paths the emitters write to (emitters/code-paths.ts).
 */
export interface CodeOutputs {
  readonly catalog: CatalogPlacement;
  readonly catalogPaths: CodePaths;
  datasetPaths(summary: SpecSummary): CodePaths | undefined;
}

export function codeOutputs(constitution: SpecSummary | undefined): CodeOutputs {
  const catalog: CatalogPlacement = { sqlDialects: sqlDialectsOf(constitution?.sqlDialects) };
  const defaults = targetsOf(constitution?.targets) ?? ALL_TARGETS;
  return {
    catalog,
    catalogPaths: catalogCodePaths(catalog),
    datasetPaths: (summary) => {
      if (!summary.name || (summary.kind !== 'source' && summary.kind !== 'model')) return undefined;
      // A spec too broken to place generates nothing: its codegen fails at validation.
      if (summary.kind === 'source' && (!summary.system || !summary.table)) return undefined;
      if (summary.kind === 'model' && !summary.layer) return undefined;
      if (summary.kind === 'source')
        return datasetCodePaths(
          { kind: 'source', name: summary.name, system: summary.system, table: summary.table, targets: defaults },
          catalog,
        );
      return datasetCodePaths(
        {
          kind: 'model',
          name: summary.name,
          layer: summary.layer,
          targets: targetsOf(summary.targets) ?? defaults,
          scd2: summary.load === 'scd2',
        },
        catalog,
      );
    },
  };
}

function targetsOf(written: readonly string[] | undefined): Target[] | undefined {
  return written?.filter((target): target is Target => (ALL_TARGETS as readonly string[]).includes(target));
}
