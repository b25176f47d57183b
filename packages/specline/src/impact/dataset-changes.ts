import type { Dataset, LoadStrategy, Model, SourceTable } from '../catalog';
import { testFindings } from './column-changes';
import { sameValue } from './comparable';
import { whenChanged, type Finding } from './impact-report';

/**
 * What changed about a dataset as a whole (its columns are compared one by one elsewhere):
 * keys, grain, inputs, filters, joins, load, layout, tests and prose.
 */
export function datasetFindings(base: Dataset, head: Dataset): Finding[] {
  if (base.kind !== head.kind) return [{ category: 'breaking', change: 'dataset kind changed', before: base.kind, after: head.kind }];
  const findings: Finding[] = [];
  findings.push(...whenChanged('breaking', 'primary key changed', base.primaryKey.join(', '), head.primaryKey.join(', ')));
  findings.push(...(base.kind === 'model' ? modelFindings(base, head as Model) : sourceFindings(base, head as SourceTable)));
  findings.push(...whenChanged('documentation', 'owner changed', base.owner, head.owner));
  findings.push(...whenChanged('documentation', 'description changed', base.description, head.description));
  return findings;
}

function modelFindings(base: Model, head: Model): Finding[] {
  const findings: Finding[] = [];
  findings.push(...whenChanged('breaking', 'grain changed (group_by)', base.groupBy.join(', '), head.groupBy.join(', ')));
  findings.push(...whenChanged('breaking', 'target schema changed', base.schema, head.schema));
  findings.push(...loadFindings(base.load, head.load));
  for (const alias of aliasesOf(base.inputs, head.inputs)) {
    const before = base.inputs.find((input) => input.alias === alias);
    const after = head.inputs.find((input) => input.alias === alias);
    findings.push(...whenChanged('data-changing', `input ${alias} changed`, before?.ref, after?.ref));
    findings.push(...whenChanged('data-changing', `filter on ${alias} changed`, before?.filter?.text, after?.filter?.text));
    if (before && after)
      findings.push(...whenChanged('documentation', `rationale of input ${alias} changed`, before.rationale, after.rationale));
  }
  for (const alias of aliasesOf(base.joins, head.joins)) {
    const before = base.joins.find((join) => join.alias === alias);
    const after = head.joins.find((join) => join.alias === alias);
    const shape = (join: typeof before) => join && `${join.type} join on ${join.on?.text ?? '(none)'}`;
    findings.push(...whenChanged('data-changing', `join of ${alias} changed`, shape(before), shape(after)));
    if (before && after)
      findings.push(...whenChanged('documentation', `rationale of join ${alias} changed`, before.rationale, after.rationale));
  }
  findings.push(...whenChanged('data-changing', 'where changed', base.where?.condition.text, head.where?.condition.text));
  findings.push(...whenChanged('data-changing', 'having changed', base.having?.condition.text, head.having?.condition.text));
  const dedupe = (model: Model) =>
    model.dedupe &&
    `key ${model.dedupe.key.join(', ')}; first by ${model.dedupe.orderBy.map((key) => `${key.column} ${key.direction} nulls ${key.nulls}`).join(', ')}`;
  findings.push(...whenChanged('breaking', 'grain changed (dedupe)', dedupe(base), dedupe(head)));
  for (const part of ['where', 'having', 'dedupe'] as const)
    if (base[part] && head[part])
      findings.push(...whenChanged('documentation', `rationale of ${part} changed`, base[part]!.rationale, head[part]!.rationale));
  findings.push(...testFindings(base.tests, head.tests));
  const unitTests = (model: Model) => new Map(model.unitTests.map((test) => [test.name, test]));
  const [beforeUnits, afterUnits] = [unitTests(base), unitTests(head)];
  for (const name of [...new Set([...beforeUnits.keys(), ...afterUnits.keys()])]) {
    const [before, after] = [beforeUnits.get(name), afterUnits.get(name)];
    if (!before) findings.push({ category: 'non-breaking', change: 'unit test added', after: name });
    else if (!after) findings.push({ category: 'non-breaking', change: 'unit test removed', before: name });
    else if (!sameValue({ ...before, description: undefined }, { ...after, description: undefined }))
      findings.push({ category: 'non-breaking', change: 'unit test changed', after: name });
    else if (before.description !== after.description)
      findings.push({ category: 'documentation', change: 'unit test description changed', after: name });
  }
  const layout = (model: Model) => ({ partitionBy: model.partitionBy, clusterBy: model.clusterBy });
  if (!sameValue(layout(base), layout(head))) findings.push({ category: 'non-breaking', change: 'partitioning or clustering changed' });
  if (!sameValue(base.orchestration, head.orchestration)) findings.push({ category: 'non-breaking', change: 'orchestration changed' });
  if (!sameValue([base.targets, base.warehouse], [head.targets, head.warehouse]))
    findings.push({
      category: 'non-breaking',
      change: 'code targets changed',
      before: base.targets.join(', '),
      after: head.targets.join(', '),
    });
  if (base.layer !== head.layer)
    findings.push({ category: 'non-breaking', change: 'layer changed', before: base.layer, after: head.layer });
  if (!sameValue(base.tags, head.tags)) findings.push({ category: 'documentation', change: 'tags changed' });
  return findings;
}

/**
 * scd2 keeps a row per version: moving to or from it changes the grain. A changed unique or
 * natural key changes which rows merge. Anything else changes how the table is written.
 */
function loadFindings(base: LoadStrategy, head: LoadStrategy): Finding[] {
  if (sameValue(base, head)) return [];
  const keyOf = (load: LoadStrategy) =>
    load.strategy === 'incremental' ? load.uniqueKey.join(', ') : load.strategy === 'scd2' ? load.naturalKey.join(', ') : '';
  if ((base.strategy === 'scd2') !== (head.strategy === 'scd2') || keyOf(base) !== keyOf(head))
    return [{ category: 'breaking', change: 'grain changed (load)', before: describeLoad(base), after: describeLoad(head) }];
  if (base.strategy === 'scd2')
    return [{ category: 'data-changing', change: 'scd2 tracking changed', before: describeLoad(base), after: describeLoad(head) }];
  return [{ category: 'non-breaking', change: 'load strategy changed', before: describeLoad(base), after: describeLoad(head) }];
}

function describeLoad(load: LoadStrategy): string {
  switch (load.strategy) {
    case 'incremental':
      return `incremental on ${load.uniqueKey.join(', ')}${load.cursor ? ` by ${load.cursor}` : ''}`;
    case 'scd2':
      return `scd2 on ${load.naturalKey.join(', ')} tracking ${load.trackedColumns.join(', ')}`;
    default:
      return load.strategy;
  }
}

function sourceFindings(base: SourceTable, head: SourceTable): Finding[] {
  const findings: Finding[] = [];
  const where = (source: SourceTable) => `${source.system} ${source.schema}.${source.table}`;
  if (where(base) !== where(head))
    findings.push({ category: 'data-changing', change: 'source table changed', before: where(base), after: where(head) });
  if (!sameValue([base.load, base.freshness, base.connector, base.seed], [head.load, head.freshness, head.connector, head.seed]))
    findings.push({ category: 'non-breaking', change: 'ingestion changed (load, freshness, connector or seed)' });
  return findings;
}

function aliasesOf(base: readonly { alias: string }[], head: readonly { alias: string }[]): string[] {
  return [...new Set([...base.map((item) => item.alias), ...head.map((item) => item.alias)])];
}
