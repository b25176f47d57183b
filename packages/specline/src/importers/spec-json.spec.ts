import { parseSpecJson } from './spec-json';

describe('parseSpecJson', () => {
  it('reports nulls and strings where objects belong, with their JSON path, instead of crashing', () => {
    const text = JSON.stringify({
      models: [
        null,
        { name: 'stg_x', sources: [null, 'raw.crm_customers AS c'], column_mapping: [null, { target_column: 'id' }], constraints: 'pk' },
      ],
    });
    const { models, notes } = parseSpecJson(text, 'spec.json');
    expect(models.map((m) => [m.name, m.sources.map((s) => s.table), m.column_mapping.length])).toEqual([
      ['stg_x', ['raw.crm_customers'], 1],
    ]);
    expect([...notes, ...models.flatMap((m) => m.notes)].map((u) => u.origin)).toEqual([
      'spec.json#/models/0',
      'spec.json#/models/1/sources/0',
      'spec.json#/models/1/constraints',
      'spec.json#/models/1/column_mapping/0',
    ]);
  });
});
