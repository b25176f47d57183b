import type { Catalog } from '../../catalog';
import { exampleCatalog } from '../../../test-support/example-catalog';
import { lineageReport } from './lineage-project';

describe('the lineage target', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await exampleCatalog();
  });

  it('prints the tree to the sources by default', () => {
    const { success, report } = lineageReport(catalog, 'dim_customer', { column: 'email_sha256' });
    expect(success).toBe(true);
    expect(report.split('\n').map((line) => line.split('  [')[0])).toEqual([
      'dim_customer.email_sha256',
      '  stg_customers.email',
      '    crm_customers.email',
    ]);
  });

  it('prints the tree to the marts with --direction=down', () => {
    const { report } = lineageReport(catalog, 'crm_customers', { column: 'email', direction: 'down' });
    expect(report).toMatch(/^crm_customers\.email\n  stg_customers\.email {2}\[/);
    expect(report).toContain('dim_customer.email_sha256');
  });

  it('names the columns when the column is missing or unknown', () => {
    expect(lineageReport(catalog, 'dim_customer', {})).toMatchObject({ success: false, report: expect.stringContaining('email_sha256') });
    expect(lineageReport(catalog, 'dim_customer', { column: 'nope' })).toMatchObject({
      success: false,
      report: expect.stringMatching(/no column nope/),
    });
  });
});
