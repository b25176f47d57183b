import { formatDataType, inputNames, type Dataset, type Model } from '../catalog';
import type { GeneratedFile } from './emitter';

export const CONTRACT_FILE = 'contract.json';

/**
 * What downstream code depends on: the relation, columns, types, nullability and keys, with
 * no descriptions. A machine-readable interface for tools and agents that build on the
 * dataset; Nx's cache keys come from the specs themselves (see plugin/spec-fingerprints.ts).
 */
export function contractFile(dataset: Dataset): GeneratedFile {
  const columns = dataset.kind === 'model' ? dataset.outputColumns : dataset.columns;
  const load = dataset.load;
  const contract = {
    name: dataset.name,
    kind: dataset.kind,
    relation:
      dataset.kind === 'source'
        ? { schema: dataset.schema, table: dataset.table, system: dataset.system }
        : { schema: dataset.schema, layer: dataset.layer },
    columns: columns.map((column) => ({ name: column.name, type: formatDataType(column.type), nullable: column.nullable })),
    primaryKey: [...dataset.primaryKey],
    ...('uniqueKey' in load ? { uniqueKey: [...load.uniqueKey] } : {}),
    ...('naturalKey' in load ? { naturalKey: [...load.naturalKey] } : {}),
  };
  return { path: CONTRACT_FILE, content: `${JSON.stringify(contract, null, 2)}\n` };
}

export const ORCHESTRATION_FILE = 'orchestration.json';

/**
 * What the catalog-wide files (Airflow DAGs, build order) need from a model besides its SQL:
 * schedule, retries, SLA, targets, load strategy and the datasets it reads.
 */
export function orchestrationFile(model: Model): GeneratedFile {
  const entry = {
    name: model.name,
    layer: model.layer,
    load: model.load.strategy,
    targets: [...model.targets],
    reads: inputNames(model),
    ...model.orchestration,
  };
  return { path: ORCHESTRATION_FILE, content: `${JSON.stringify(entry, null, 2)}\n` };
}
