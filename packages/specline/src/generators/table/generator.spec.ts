import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GeneratorError } from '../shared/generator-error';
import { tableGenerator } from './generator';

const CONSTITUTION = readFileSync(path.join(__dirname, '../../../../../specs/constitution.yaml'), 'utf-8');

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('specs/constitution.yaml', CONSTITUTION);
  return tree;
}

const DDL = `CREATE TABLE crm.leads (
  lead_id BIGINT NOT NULL,
  email VARCHAR(200),
  full_name TEXT,
  score DECIMAL(5,2),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT pk_leads PRIMARY KEY (lead_id)
);`;

describe('spec:table', () => {
  it('writes a source spec from a DDL file, typed and keyed, and its staging model with the constitution cleanups', async () => {
    const tree = workspace();
    tree.write('leads.sql', DDL);
    await tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'leads.sql', cursor: 'updated_at', staging: true });
    const source = parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string);
    expect(source.primary_key).toEqual(['lead_id']);
    expect(source.load).toEqual({ strategy: 'incremental', cursor: 'updated_at' });
    expect(source.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'lead_id:INT64', 'email:STRING', 'full_name:STRING', 'score:NUMERIC(5,2)', 'created_at:TIMESTAMP', 'updated_at:TIMESTAMP',
    ]);
    expect(source.columns[0]).toMatchObject({ nullable: false, tests: ['not_null', 'unique'] });
    expect(source.columns[1]).toMatchObject({ pii: true });
    const staging = parse(tree.read('specs/models/staging/stg_leads.yaml', 'utf-8') as string);
    expect(staging.sources).toEqual([{ ref: 'crm_leads', alias: 's' }]);
    const transforms = Object.fromEntries(staging.columns.map((c: { name: string; transform?: string }) => [c.name, c.transform]));
    expect(transforms).toEqual({ lead_id: undefined, email: 'LOWER(TRIM({from}))', full_name: 'TRIM({from})', score: undefined, created_at: undefined, updated_at: undefined });
    expect(tree.read('specs/sources/crm/leads.yaml', 'utf-8')).toMatchSnapshot();
  });

  it('infers types from CSV rows and keeps the CSV as the seed', async () => {
    const tree = workspace();
    tree.write('in/leads.csv', 'lead_id,postal_code,score,active,signup_date,seen_at,note\n1,02134,1.5,true,2024-01-02,2024-01-02 10:00:00,hi\n2,10117,2,false,2024-02-03,2024-02-03T11:00:00Z,\n');
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: 'in/leads.csv', primaryKey: 'lead_id' });
    const source = parse(tree.read('specs/sources/web/leads.yaml', 'utf-8') as string);
    expect(source.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'lead_id:INT64', 'postal_code:STRING', 'score:FLOAT64', 'active:BOOL', 'signup_date:DATE', 'seen_at:TIMESTAMP', 'note:STRING',
    ]);
    expect(source.seed).toBe('leads.csv');
    expect(tree.read('specs/sources/web/leads.csv', 'utf-8')).toBe(tree.read('in/leads.csv', 'utf-8'));
  });

  it('takes inline columns, with commas inside a type kept together', async () => {
    const tree = workspace();
    await tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:BIGINT!, amount:DECIMAL(18,2), memo:VARCHAR(20)', primaryKey: 'invoice_id' });
    const source = parse(tree.read('specs/sources/erp/invoices.yaml', 'utf-8') as string);
    expect(source.columns.map((c: { type: string }) => c.type)).toEqual(['INT64', 'NUMERIC(18,2)', 'STRING']);
    expect(source.load).toEqual({ strategy: 'full' });
  });

  it('refuses to overwrite without --force and leaves the file byte-identical', async () => {
    const tree = workspace();
    await tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:INT64!', primaryKey: 'invoice_id' });
    tree.write('specs/sources/erp/invoices.yaml', tree.read('specs/sources/erp/invoices.yaml', 'utf-8') + '# my edit\n');
    const before = tree.read('specs/sources/erp/invoices.yaml', 'utf-8');
    await expect(tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:INT64!,x:STRING', primaryKey: 'invoice_id' })).rejects.toMatchObject({ code: 'file-exists' });
    expect(tree.read('specs/sources/erp/invoices.yaml', 'utf-8')).toBe(before);
    await tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:INT64!,x:STRING', primaryKey: 'invoice_id', force: true });
    expect(tree.read('specs/sources/erp/invoices.yaml', 'utf-8')).toContain('name: x');
  });

  it.each([
    [{ columns: 'a:INT64', ddl: 'x.sql' }, 'invalid-option'],
    [{}, 'invalid-option'],
    [{ columns: 'a:WIDGET' }, 'invalid-option'],
    [{ columns: 'a:INT64', primaryKey: 'b' }, 'invalid-option'],
    [{ columns: 'a:INT64', load: 'incremental' as const }, 'invalid-option'],
    [{ ddl: 'missing.sql' }, 'invalid-option'],
    [{ ddl: 'bad.sql' }, 'invalid-option'],
  ])('rejects invalid options %j and writes nothing', async (extra, code) => {
    const tree = workspace();
    tree.write('bad.sql', 'CREATE TABLE (');
    const before = tree.listChanges().length;
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ...extra })).rejects.toBeInstanceOf(GeneratorError);
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ...extra })).rejects.toMatchObject({ code });
    expect(tree.listChanges().length).toBe(before);
  });

  it('refuses a spec that would not validate, e.g. a required owner missing', async () => {
    const tree = workspace();
    tree.write('specs/constitution.yaml', CONSTITUTION.replace('owner: data-platform\n', ''));
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!', primaryKey: 'lead_id' })).rejects.toMatchObject({ code: 'invalid-spec' });
    expect(tree.exists('specs/sources/crm/leads.yaml')).toBe(false);
  });

  it('writes where the plugin registration says the specs live', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const nxJson = readNxJson(tree) ?? {};
    updateNxJson(tree, { ...nxJson, plugins: [{ plugin: '@specline/nx-plugin', options: { specsDir: 'data/specs' } }] });
    tree.write('data/specs/constitution.yaml', CONSTITUTION);
    await tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!', primaryKey: 'lead_id' });
    expect(tree.exists('data/specs/sources/crm/leads.yaml')).toBe(true);
  });
});
