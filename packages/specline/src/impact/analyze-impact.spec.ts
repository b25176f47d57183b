import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { catalogAt, WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { scratchSpecs } from '../../test-support/scratch-workspace';
import { analyzeImpact, type ResolvedRevision } from './analyze-impact';
import type { ImpactReport } from './impact-report';
import { impactMarkdown } from './impact-markdown';

async function revision(root: string, label: string): Promise<ResolvedRevision> {
  const loaded = await catalogAt(root);
  if (!loaded.catalog) throw new Error(`no catalog at ${root}`);
  return { ...loaded, catalog: loaded.catalog, label };
}

let base: ResolvedRevision;
beforeAll(async () => {
  base = await revision(WORKSPACE_ROOT, 'main');
});

/** The impact of one edit to the example catalog, against the repository's specs. */
async function impactOf(file: string, edit: (text: string) => string): Promise<ImpactReport> {
  const scratch = scratchSpecs(file, edit);
  try {
    return await analyzeImpact(base, await revision(scratch.root, 'working tree'));
  } finally {
    scratch.cleanup();
  }
}

const columns = (refs: readonly { dataset: string; column: string }[]) => refs.map((ref) => `${ref.dataset}.${ref.column}`);

describe('impact analysis on the example catalog', () => {
  it('reports a description edit as documentation only, with no downstream', async () => {
    const report = await impactOf('specs/models/staging/stg_customers.yaml', (text) =>
      text.replace(
        'E-mail address, trimmed and lower-cased so it can be matched.',
        'E-mail address, trimmed and lower-cased for matching.',
      ),
    );
    expect(report.counts).toEqual({ breaking: 0, 'data-changing': 0, 'non-breaking': 0, documentation: 1 });
    expect(report.entries).toHaveLength(1);
    const [entry] = report.entries;
    expect(entry).toMatchObject({ subject: 'stg_customers.email', category: 'documentation', downstream: [], tests: [] });
    expect(entry.findings.map((finding) => finding.change)).toEqual(['description changed']);
    // Its own documents and code comments change; nothing downstream is regenerated.
    expect(entry.generatedFiles.map((file) => file.path)).toContain('stg_customers.md');
    expect(new Set(report.generatedFiles.map((file) => file.project))).toEqual(new Set(['stg_customers', 'catalog']));
    expect(report.headErrors).toEqual([]);
  });

  it('follows a staging transform edit to the intermediate and mart columns derived from it', async () => {
    const report = await impactOf('specs/models/staging/stg_orders.yaml', (text) =>
      text.replace('    from: o.total_amount\n', '    from: o.total_amount\n    transform: ROUND({from}, 2)\n'),
    );
    expect(report.entries.map((entry) => [entry.subject, entry.category])).toEqual([['stg_orders.total_amount', 'data-changing']]);
    const [entry] = report.entries;
    expect(entry.findings).toEqual([
      { category: 'data-changing', change: 'transform changed', before: 'o.total_amount', after: 'ROUND(o.total_amount, 2)' },
    ]);
    expect(columns(entry.downstream)).toEqual([
      'int_orders_usd.amount_usd',
      'int_customer_orders.lifetime_value_usd',
      'fact_customer_360.lifetime_value_usd',
    ]);
    expect(entry.tests).toEqual([
      'stg_orders: unit test drops_test_orders_and_normalizes_codes',
      'int_orders_usd: unit test converts_at_the_rate_of_the_order_day',
      'int_customer_orders: unit test sums_per_customer',
      'fact_customer_360: unit test defaults_customers_without_orders_or_tickets',
    ]);
    // The model's SQL changes on every platform; its readers' SQL does not.
    expect(entry.generatedFiles.filter((file) => file.kind === 'code').map((file) => file.project)).toEqual(
      expect.arrayContaining(['stg_orders']),
    );
    expect(entry.generatedFiles.every((file) => file.project === 'stg_orders' && file.change === 'changed')).toBe(true);
  });

  it('reports a staging column a mart reads, removed, as breaking and names the mart column, though the head does not validate', async () => {
    const report = await impactOf('specs/models/staging/stg_customers.yaml', (text) =>
      text.replace(/ {2}- name: city\n( {4}.*\n)+?(?= {2}- name)/, '').replace(/, city: (San Francisco|null)/g, ''),
    );
    // The unit test's rows lose the column too: a change to a test, not to what consumers read.
    expect(report.entries.map((entry) => [entry.subject, entry.category, entry.findings.map((f) => f.change)])).toEqual([
      ['stg_customers.city', 'breaking', ['column removed']],
      ['stg_customers', 'non-breaking', ['unit test changed']],
    ]);
    const [entry] = report.entries;
    expect(entry.findings).toEqual([{ category: 'breaking', change: 'column removed', before: 'STRING' }]);
    expect(columns(entry.downstream)).toEqual(['dim_customer.city']);
    expect(report.headErrors).toEqual([
      { location: 'specs/models/marts/dim_customer.yaml:48:11', code: 'REF003', message: '"stg_customers" has no column "city".' },
    ]);
    // The mart cannot be generated while it reads a missing column; the staging model can.
    expect(report.notGenerated).toEqual(['dim_customer', 'catalog']);
    // Its code in the platform trees and its contract, which consumers read, both change.
    expect(entry.generatedFiles.map((file) => `${file.project}: ${file.path}`)).toEqual(
      expect.arrayContaining(['stg_customers: dbt/models/staging/stg_customers.sql', 'stg_customers: contract.json']),
    );
    const markdown = impactMarkdown(report);
    expect(markdown).toContain('### Breaking\n\n#### `stg_customers.city`: column removed');
    expect(markdown).toContain('downstream (1 column in 1 dataset): `dim_customer.city`');
  });

  it('pairs a removed and an added column computing the same expression as a rename', async () => {
    const report = await impactOf('specs/models/marts/dim_customer.yaml', (text) => text.replace('  - name: city\n', '  - name: town\n'));
    expect(report.entries.map((entry) => [entry.subject, entry.category, entry.findings.map((f) => f.change)])).toEqual([
      ['dim_customer.city', 'breaking', ['column renamed']],
    ]);
    expect(report.entries[0].findings[0]).toMatchObject({ before: 'city', after: 'town' });
  });

  it('classifies a type change, a tightened nullability and an added test per column, and a filter per dataset', async () => {
    const report = await impactOf('specs/models/staging/stg_orders.yaml', (text) =>
      text
        .replace("filter: LOWER(status) <> 'test'", "filter: LOWER(status) NOT IN ('test', 'qa')")
        .replace('    type: NUMERIC(18,2)\n    from: o.total_amount\n', '    type: FLOAT64\n    from: o.total_amount\n')
        .replace('    from: o.customer_id\n', '    from: o.customer_id\n    nullable: false\n    tests: [not_null]\n'),
    );
    expect(report.entries.map((entry) => [entry.subject, entry.category, entry.findings.map((f) => f.change)])).toEqual([
      ['stg_orders.customer_id', 'breaking', ['nullability tightened', 'test added']],
      ['stg_orders.total_amount', 'breaking', ['type changed']],
      ['stg_orders', 'data-changing', ['filter on o changed']],
    ]);
    const filter = report.entries[2];
    // A filter moves every column's values: all of the model's readers are reached.
    expect(columns(filter.downstream)).toEqual(expect.arrayContaining(['int_orders_usd.amount_usd', 'fact_customer_360.order_count']));
  });

  it('reports nothing for the same catalog', async () => {
    const same = await analyzeImpact(base, base);
    expect(same).toMatchObject({ entries: [], generatedFiles: [], headErrors: [] });
    expect(impactMarkdown(same)).toContain('No change to the catalog.');
  });

  it('reports a dataset removed, or whose spec no longer loads, as breaking with every reader of its columns', async () => {
    const file = 'specs/models/intermediate/int_customer_tickets.yaml';
    const scratch = scratchSpecs(file, (text) => `${text}\n`);
    let removed: ImpactReport;
    try {
      rmSync(path.join(scratch.root, file));
      removed = await analyzeImpact(base, await revision(scratch.root, 'working tree'));
    } finally {
      scratch.cleanup();
    }
    const unloadable = await impactOf(file, (text) => text.replace('kind: model', 'kind: glossary'));
    for (const [report, change] of [
      [removed, 'dataset removed'],
      [unloadable, 'spec does not load at head'],
    ] as const) {
      expect(report.entries.map((entry) => [entry.subject, entry.category, entry.findings.map((f) => f.change)])).toEqual([
        ['int_customer_tickets', 'breaking', [change]],
      ]);
      expect(columns(report.entries[0].downstream)).toEqual(['fact_customer_360.open_tickets', 'fact_customer_360.is_at_risk']);
    }
  });
});
