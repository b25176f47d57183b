import { logger } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as polyglot from '@polyglot-sql/sdk';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Catalog } from '../../catalog';
import { DuckSession, SeedWarehouse } from '../../duckdb';
import { renderDbtSql } from '../../importers';
import { initSql } from '../../sql';
import { WORKSPACE_ROOT } from '../../../test-support/example-catalog';
import { copyExampleSpecs } from '../../../test-support/example-workspace';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { importModels } from './generator';

/**
 * spec:import --dbt on a dbt project written for this test (test-support/fixtures/dbt-shop):
 * twelve models over the example catalog's sources import and validate, the one a spec
 * cannot express (SELECT *) is refused at its line, and each imported model, built by
 * Specline on DuckDB from the seed CSVs, gives the same rows as the original dbt SQL run
 * on the same seeds.
 */
/** A dbt YAML document, as loosely shaped as dbt allows. */
type YamlDoc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROJECT = path.join(__dirname, '../../../test-support/fixtures/dbt-shop');

function projectFiles(dir = PROJECT, relative = ''): [string, string][] {
  return readdirSync(path.join(dir, relative))
    .sort()
    .flatMap((entry) => {
      const child = relative ? `${relative}/${entry}` : entry;
      return statSync(path.join(dir, child)).isDirectory()
        ? projectFiles(dir, child)
        : [[child, readFileSync(path.join(dir, child), 'utf8')] as [string, string]];
    });
}

describe('spec:import --dbt', () => {
  let tree: ReturnType<typeof createTreeWithEmptyWorkspace>;
  let report: Awaited<ReturnType<typeof importModels>>;
  beforeAll(async () => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    tree = createTreeWithEmptyWorkspace();
    copyExampleSpecs(tree);
    for (const [file, text] of projectFiles()) tree.write(`dbt-shop/${file}`, text);
    report = await importModels(tree, { dbt: 'dbt-shop' });
  });
  afterAll(() => jest.restoreAllMocks());

  it('imports every model a spec can express, refuses the other at its line, and the catalog validates', async () => {
    expect(report.refused).toEqual(['stg_shop_erp_orders']);
    expect(report.notes.filter((n) => n.effect === 'refused').map((n) => `${n.origin}: ${n.reason}`)).toEqual([
      'dbt-shop/models/staging/stg_shop_erp_orders.sql:2: SELECT * does not say which columns the model has; list them',
    ]);
    expect(report.written).toHaveLength(12);
    const { diagnostics } = await loadTreeCatalog(tree, 'specs');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('carries the YAML over: descriptions, owners, PII flags and tests', async () => {
    const { catalog } = await loadTreeCatalog(tree, 'specs');
    const customers = (catalog as Catalog).models.find((m) => m.name === 'stg_shop_customers')!;
    expect([customers.description, customers.owner, customers.load.strategy]).toEqual([
      'CRM customers with a cleaned e-mail.',
      'shop-team',
      'view',
    ]);
    expect(customers.columns.map((c) => `${c.name}:${c.pii ?? ''}:${c.tests.map((t) => t.kind).join('+')}`)).toEqual([
      'customer_id::not_null+unique',
      'email:true:',
      'status::accepted_values',
      'created_at::',
    ]);
    const items = (catalog as Catalog).models.find((m) => m.name === 'stg_shop_order_items')!;
    expect(items.columns[1].tests).toMatchObject([{ kind: 'relationships', to: 'stg_shop_orders', field: 'order_id' }]);
  });

  it('gives, for every imported model, the same rows on DuckDB as the original dbt SQL', async () => {
    await initSql();
    const { catalog } = await loadTreeCatalog(tree, 'specs');
    const session = await DuckSession.open();
    const warehouse = new SeedWarehouse(session, catalog as Catalog, WORKSPACE_ROOT);
    await session.run('CREATE SCHEMA dbt_original');
    const compared: string[] = [];
    const original = (name: string) => `dbt_original.${name}`;
    // The originals, in dependency order, with ref() to the other originals and source() to the seeded sources.
    const models = projectFiles().filter(([file]) => file.endsWith('.sql') && !file.includes('erp_orders'));
    const pending = new Map(models.map(([file, text]) => [path.basename(file, '.sql'), text]));
    while (pending.size > 0) {
      const [name, text] = [...pending].find(([, sql]) => [...sql.matchAll(/ref\('([a-z_]+)'\)/g)].every((m) => !pending.has(m[1])))!;
      for (const m of text.matchAll(/source\('([a-z]+)', '([a-z_]+)'\)/g)) await warehouse.ensure(`${m[1]}_${m[2]}`);
      const rendered = renderDbtSql(text, (dataset) =>
        pending.has(dataset) || models.some(([f]) => f.endsWith(`/${dataset}.sql`)) ? original(dataset) : warehouse.relationOf(dataset),
      ).sql;
      const duckdb = polyglot.transpile(rendered, 'bigquery' as polyglot.Dialect, 'duckdb' as polyglot.Dialect);
      await session.run(`CREATE TABLE ${original(name)} AS ${duckdb.sql![0]}`);
      pending.delete(name);
      await warehouse.ensure(name);
      const columns = (await session.describe(`SELECT * FROM ${original(name)}`)).map((c) => `"${c.name}"`).join(', ');
      const rows = async (relation: string) =>
        JSON.stringify(
          (await session.rows(`SELECT ${columns} FROM ${relation} ORDER BY ALL`)).map((row) =>
            Object.values(row).map((value) =>
              value === null
                ? null
                : typeof value === 'object'
                  ? String(value)
                  : Number.isFinite(Number(value))
                    ? Number(value)
                    : String(value),
            ),
          ),
        );
      const expected = await rows(original(name));
      expect([name, await rows(warehouse.relationOf(name))]).toEqual([name, expected]);
      expect(expected).not.toBe('[]');
      compared.push(name);
    }
    expect(compared).toHaveLength(12);
  });

  it('reads the same project from its manifest.json, giving the same specs', async () => {
    // A manifest as dbt parse writes it, built from the fixture: models with raw_code, their documented columns, and the tests attached to them.
    const nodes: Record<string, unknown> = {};
    const docs = projectFiles()
      .filter(([file]) => file.endsWith('schema.yml'))
      .flatMap(([, text]) => (parse(text) as { models: YamlDoc[] }).models);
    for (const [file, text] of projectFiles().filter(([f]) => f.endsWith('.sql'))) {
      const name = path.basename(file, '.sql');
      const doc = docs.find((d) => d['name'] === name) ?? {};
      const id = `model.shop.${name}`;
      const columns = Object.fromEntries(
        ((doc['columns'] ?? []) as YamlDoc[]).map((c) => [c['name'], { ...c, tests: undefined, data_tests: undefined }]),
      );
      nodes[id] = {
        unique_id: id,
        resource_type: 'model',
        name,
        original_file_path: file,
        raw_code: text,
        description: doc['description'],
        meta: doc['meta'],
        columns,
      };
      for (const column of (doc['columns'] ?? []) as YamlDoc[])
        [...(column['tests'] ?? []), ...(column['data_tests'] ?? [])].forEach((test: unknown, i: number) => {
          const [kind, kwargs] = typeof test === 'string' ? [test, {}] : Object.entries(test as object)[0];
          nodes[`test.shop.${name}.${column['name']}.${i}`] = {
            unique_id: `test.shop.${name}.${column['name']}.${i}`,
            resource_type: 'test',
            attached_node: id,
            column_name: column['name'],
            test_metadata: { name: kind, kwargs },
          };
        });
    }
    const fromManifest = createTreeWithEmptyWorkspace();
    copyExampleSpecs(fromManifest);
    fromManifest.write('target/manifest.json', JSON.stringify({ nodes }));
    const manifestReport = await importModels(fromManifest, { dbt: 'target/manifest.json' });
    expect(manifestReport.written).toEqual(report.written);
    const body = (t: typeof tree, file: string) => t.read(file, 'utf-8')!.replace(/^# Imported by .*\n/m, '');
    for (const file of report.written) expect([file, body(fromManifest, file)]).toEqual([file, body(tree, file)]);
  });
});
