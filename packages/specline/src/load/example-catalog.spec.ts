import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadSpecsFolder } from './index';
import { formatDataType } from '../catalog/data-type';

const WORKSPACE = path.resolve(__dirname, '../../../..');

describe('the example Customer 360 catalog', () => {
  it('loads without a single diagnostic', async () => {
    const { catalog, diagnostics, rejected } = await loadSpecsFolder(WORKSPACE, 'specs');
    expect(diagnostics).toEqual([]);
    expect(rejected).toEqual([]);
    expect(catalog!.sources.map((s) => s.name)).toEqual([
      'commerce_fx_rates',
      'commerce_order_items',
      'commerce_orders',
      'crm_addresses',
      'crm_customers',
      'erp_order',
      'support_tickets',
    ]);
    // Dependency order: every model comes after the models it reads.
    const position = new Map(catalog!.models.map((m, i) => [m.name, i]));
    for (const model of catalog!.models) {
      for (const input of model.inputs)
        if (position.has(input.ref)) expect(position.get(input.ref)!).toBeLessThan(position.get(model.name)!);
    }
  });

  it("holds the brief's stg_customers requirement exactly", async () => {
    const { catalog } = await loadSpecsFolder(WORKSPACE, 'specs');
    const model = catalog!.models.find((m) => m.name === 'stg_customers')!;
    expect(model.inputs.map((i) => [i.ref, i.alias, i.filter?.text ?? null])).toEqual([
      ['crm_customers', 'c', null],
      ['crm_addresses', 'a', 'country IS NOT NULL'],
    ]);
    expect(model.joins.map((j) => [j.type, j.alias, j.on?.text])).toEqual([['left', 'a', 'c.customer_id = a.customer_id']]);
    expect(model.columns.map((c) => c.name)).toEqual([
      'customer_id',
      'email',
      'phone_e164',
      'lifecycle_stage',
      'country',
      'city',
      'state',
      'postal_code',
      'created_at',
    ]);
    const byName = new Map(model.columns.map((c) => [c.name, c]));
    expect(formatDataType(byName.get('customer_id')!.type)).toBe('INT64');
    expect(byName.get('customer_id')!.tests.map((t) => t.kind)).toEqual(['not_null', 'unique']);
    expect(byName.get('email')!.expression.text).toBe('LOWER(TRIM(c.email))');
    expect(byName.get('lifecycle_stage')!.transform).toMatch(/WHEN 'inactive' THEN 'churned'[\s\S]*ELSE 'unknown'/);
    expect(byName.get('phone_e164')!.expression.parsed.functions).toEqual(expect.arrayContaining(['REGEXP_REPLACE', 'CONCAT']));
    expect(model.primaryKey).toEqual(['customer_id']);
  });

  it("expresses the brief's minimal pipeline_spec (mysql order -> scd2 dim_order on snowflake)", async () => {
    const { catalog } = await loadSpecsFolder(WORKSPACE, 'specs');
    const source = catalog!.sources.find((s) => s.name === 'erp_order')!;
    const model = catalog!.models.find((m) => m.name === 'dim_order')!;
    expect([source.connector, source.table]).toEqual(['mysql', 'order']);
    expect(model.warehouse).toBe('snowflake');
    expect(model.load).toMatchObject({ strategy: 'scd2', naturalKey: ['order_id'] });
    expect(model.primaryKey).toEqual(['order_id', 'valid_from']);
  });

  it('loads a spec written as JSON into the same resolved model as its YAML', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'specline-json-'));
    try {
      cpSync(path.join(WORKSPACE, 'specs'), path.join(root, 'specs'), { recursive: true });
      const yamlFile = 'specs/models/staging/stg_orders.yaml';
      const asJson = JSON.stringify(parseYaml(readFileSync(path.join(root, yamlFile), 'utf8')), null, 2);
      rmSync(path.join(root, yamlFile));
      mkdirSync(path.join(root, 'specs/models/staging'), { recursive: true });
      writeFileSync(path.join(root, 'specs/models/staging/stg_orders.json'), asJson);
      const fromJson = await loadSpecsFolder(root, 'specs');
      const fromYaml = await loadSpecsFolder(WORKSPACE, 'specs');
      expect(fromJson.diagnostics).toEqual([]);
      const shape = (c: typeof fromYaml) => {
        const m = c.catalog!.models.find((x) => x.name === 'stg_orders')!;
        return {
          columns: m.columns.map((col) => [col.name, formatDataType(col.type), col.expression.text]),
          load: m.load,
          inputs: m.inputs.map((i) => i.filter?.text),
        };
      };
      expect(shape(fromJson)).toEqual(shape(fromYaml));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
