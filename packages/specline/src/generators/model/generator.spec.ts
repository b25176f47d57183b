import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { copyExampleSpecs } from '../../../test-support/example-workspace';
import { modelGenerator } from './generator';

function workspace() {
  const tree = createTreeWithEmptyWorkspace();
  copyExampleSpecs(tree);
  return tree;
}

describe('spec:model', () => {
  it('scaffolds a model from two inputs with picked columns, a join on the shared key and key tests', async () => {
    const tree = workspace();
    await modelGenerator(tree, {
      name: 'int_customer_contacts',
      inputs: 'stg_customers,stg_support_tickets:t',
      columns: 'c.customer_id,email,t.ticket_id',
    });
    const spec = parse(tree.read('specs/models/intermediate/int_customer_contacts.yaml', 'utf-8') as string);
    expect(spec.layer).toBe('intermediate');
    expect(spec.sources).toEqual([
      { ref: 'stg_customers', alias: 'c' },
      { ref: 'stg_support_tickets', alias: 't' },
    ]);
    expect(spec.joins).toEqual([{ type: 'left', alias: 't', on: 'c.customer_id = t.customer_id' }]);
    expect(spec.columns.map((c: { from: string }) => c.from)).toEqual(['c.customer_id', 'c.email', 't.ticket_id']);
    expect(spec.columns[0].tests).toEqual(['not_null', 'unique']);
  });

  it("derives nullability from the join: a LEFT-joined input's columns are nullable, whatever its spec says", async () => {
    const tree = workspace();
    await modelGenerator(tree, {
      name: 'int_customer_ticket_rows',
      inputs: 'stg_customers,stg_support_tickets:t',
      columns: 'c.customer_id,c.lifecycle_stage,t.ticket_id,t.priority,t.opened_at',
    });
    const spec = parse(tree.read('specs/models/intermediate/int_customer_ticket_rows.yaml', 'utf-8') as string);
    const facts = Object.fromEntries(
      spec.columns.map((c: { name: string; nullable?: boolean; tests?: unknown[] }) => [c.name, { nullable: c.nullable, tests: c.tests }]),
    );
    expect(facts).toEqual({
      customer_id: { nullable: false, tests: ['not_null', 'unique'] },
      lifecycle_stage: { nullable: false, tests: [{ accepted_values: ['active', 'churned', 'trial', 'prospect', 'unknown'] }] },
      ticket_id: { nullable: undefined, tests: undefined },
      priority: { nullable: undefined, tests: [{ accepted_values: ['low', 'normal', 'high', 'urgent'] }] },
      opened_at: { nullable: undefined, tests: undefined },
    });
  });

  it('defaults to every column of the first input', async () => {
    const tree = workspace();
    await modelGenerator(tree, { name: 'stg_crm_customers_copy', inputs: 'crm_customers' });
    const spec = parse(tree.read('specs/models/staging/stg_crm_customers_copy.yaml', 'utf-8') as string);
    expect(spec.columns.map((c: { name: string }) => c.name)).toEqual([
      'customer_id',
      'first_name',
      'last_name',
      'email',
      'phone',
      'status',
      'created_at',
      'updated_at',
    ]);
  });

  it.each([
    [{ name: 'int_x', inputs: 'nope' }],
    [{ name: 'int_x', inputs: 'stg_customers', columns: 'c.nope' }],
    [{ name: 'zzz_x', inputs: 'stg_customers' }],
    [{ name: 'int_x', inputs: 'stg_customers,stg_fx_rates' }],
  ])('rejects %j with a clear message and writes nothing', async (options) => {
    const tree = workspace();
    const before = tree.listChanges().length;
    await expect(modelGenerator(tree, options)).rejects.toMatchObject({ code: 'invalid-option' });
    expect(tree.listChanges().length).toBe(before);
  });

  it('refuses to overwrite an existing model without --force', async () => {
    const tree = workspace();
    const before = tree.read('specs/models/staging/stg_customers.yaml', 'utf-8');
    await expect(modelGenerator(tree, { name: 'stg_customers', inputs: 'crm_customers' })).rejects.toMatchObject({ code: 'file-exists' });
    expect(tree.read('specs/models/staging/stg_customers.yaml', 'utf-8')).toBe(before);
  });

  it('refuses a model whose name an existing spec elsewhere already uses, leaving that spec valid', async () => {
    const tree = workspace();
    const existing = (tree.read('specs/models/intermediate/int_orders_usd.yaml', 'utf-8') as string).replace(
      'name: int_orders_usd',
      'name: int_new',
    );
    tree.write('specs/zz_custom/int_new.yaml', existing);
    await expect(modelGenerator(tree, { name: 'int_new', inputs: 'stg_customers' })).rejects.toMatchObject({ code: 'invalid-spec' });
    expect(tree.exists('specs/models/intermediate/int_new.yaml')).toBe(false);
  });
});
