import * as path from 'node:path';
import { sourceDatasetName } from '../spec/dataset-name';
import type { SourceSpec } from '../spec/types';
import { buildColumnBase, checkDuplicateColumns } from './build-columns';
import type { DiagnosticSink } from './diagnostic-sink';
import type { LoadedSpec } from '../spec/loaded-spec';
import type { Constitution, SourceTable } from './nodes';

export function buildSource(
  sink: DiagnosticSink,
  { doc, spec }: LoadedSpec<SourceSpec>,
  constitution: Constitution,
  fileExists: (workspacePath: string) => boolean,
): SourceTable {
  checkDuplicateColumns(sink, doc, spec.columns);
  const columns = spec.columns.map((column, i) => Object.freeze(buildColumnBase(sink, doc, `/columns/${i}`, column, constitution.dialect)));
  const names = new Set(columns.map((c) => c.name));
  const checkColumn = (pointer: string, name: string, role: string) => {
    if (!names.has(name))
      sink.error('REF006', doc, pointer, `The ${role} "${name}" is not a column of this source.`, `Use one of: ${[...names].join(', ')}.`);
  };
  (spec.primary_key ?? []).forEach((key, i) => checkColumn(`/primary_key/${i}`, key, 'primary key column'));
  if (spec.load?.cursor) checkColumn('/load/cursor', spec.load.cursor, 'cursor');
  if (spec.load?.strategy === 'incremental' && !spec.load.cursor) {
    sink.error(
      'MODEL003',
      doc,
      '/load',
      'An incremental source needs a cursor column.',
      'Add load.cursor: the column whose growth marks new rows, e.g. updated_at.',
    );
  }
  if (spec.freshness) checkColumn('/freshness/loaded_at', spec.freshness.loaded_at, 'freshness column');

  let seed: string | undefined;
  if (spec.seed) {
    seed = path.posix.join(path.posix.dirname(doc.file), spec.seed);
    if (!fileExists(seed))
      sink.error(
        'REF008',
        doc,
        '/seed',
        `The seed file "${spec.seed}" does not exist beside this spec.`,
        `Create ${seed} with a header row, or remove seed.`,
      );
  }
  return Object.freeze({
    kind: 'source',
    name: sourceDatasetName(spec),
    file: doc.file,
    system: spec.system,
    table: spec.name,
    connector: spec.connector,
    schema: spec.schema ?? constitution.sourceSchema,
    description: spec.description,
    owner: spec.owner,
    columns,
    primaryKey: spec.primary_key ?? [],
    load: { strategy: spec.load?.strategy ?? 'full', cursor: spec.load?.cursor },
    freshness: spec.freshness && {
      loadedAt: spec.freshness.loaded_at,
      warnAfter: spec.freshness.warn_after,
      errorAfter: spec.freshness.error_after,
    },
    seed,
    location: doc.positions.locate(''),
    pointer: '',
  });
}
