import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Model } from '../catalog';
import { catalogAt } from '../../test-support/example-catalog';
import { modelColumnLineage } from './column-lineage';

const FILES: Record<string, string> = {
  'specs/constitution.yaml':
    'kind: constitution\nname: t\ndialect: bigquery\nlayers:\n  staging: { pattern: "^stg_" }\n  marts: { pattern: "^(dim|fct)_" }\n',
  'specs/sources/crm/customers.yaml':
    'kind: source\nname: customers\nsystem: crm\ncolumns:\n  - { name: id, type: INT64 }\n  - { name: status, type: STRING }\n',
  'specs/sources/crm/addresses.yaml':
    'kind: source\nname: addresses\nsystem: crm\ncolumns:\n  - { name: customer_id, type: INT64 }\n  - { name: city, type: STRING }\n',
  'specs/models/stg_x.yaml': [
    'kind: model\nname: stg_x\nlayer: staging',
    'sources:\n  - { ref: crm_customers, alias: c }\n  - { ref: crm_addresses, alias: a }',
    'joins:\n  - { type: left, alias: a, on: c.id = a.customer_id }',
    'columns:',
    '  - { name: id, type: INT64, from: c.id }',
    '  - { name: stage, type: STRING, transform: "UPPER(status)" }',
    '  - { name: place, type: STRING, transform: "CONCAT(city, \'/\', c.status)" }',
  ].join('\n'),
  'specs/models/dim_x.yaml': [
    'kind: model\nname: dim_x\nlayer: marts',
    'sources:\n  - { ref: stg_x, alias: s }',
    'load: { strategy: scd2, natural_key: [id], tracked_columns: [stage] }',
    'columns:',
    '  - { name: id, type: INT64, from: s.id, nullable: false }',
    '  - { name: stage, type: STRING, from: s.stage }',
  ].join('\n'),
  'specs/models/fct_x.yaml': [
    'kind: model\nname: fct_x\nlayer: marts',
    'sources:\n  - { ref: dim_x, alias: d }',
    'columns:',
    '  - { name: id, type: INT64, from: d.id }',
    '  - { name: since, type: TIMESTAMP, transform: valid_from }',
  ].join('\n'),
};

describe('column lineage', () => {
  it('follows unqualified references to the one input that has the column', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'specline-lineage-'));
    try {
      for (const [file, text] of Object.entries(FILES)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      const { catalog, diagnostics } = await catalogAt(root);
      expect(diagnostics).toEqual([]);
      const edges = modelColumnLineage(catalog!.datasets.get('stg_x') as Model, catalog!.datasets).map(
        (e) => `${e.sourceDataset}.${e.sourceColumn} -> ${e.targetColumn}`,
      );
      expect(edges).toEqual([
        'crm_customers.id -> id',
        'crm_customers.status -> stage',
        'crm_addresses.city -> place',
        'crm_customers.status -> place',
      ]);
      // valid_from is not declared on dim_x: scd2 adds it, and an unqualified reference still reaches it.
      const scd2Edges = modelColumnLineage(catalog!.datasets.get('fct_x') as Model, catalog!.datasets).map(
        (e) => `${e.sourceDataset}.${e.sourceColumn} -> ${e.targetColumn}`,
      );
      expect(scd2Edges).toEqual(['dim_x.id -> id', 'dim_x.valid_from -> since']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
