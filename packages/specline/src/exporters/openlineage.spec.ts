import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../catalog';
import { exampleCatalog } from '../../test-support/example-catalog';
import { toOpenLineageCatalog, toOpenLineageDataset, type OpenLineageDataset } from './openlineage';
import { CATALOG_EXPORTERS, DATASET_EXPORTERS } from './registry';

const SCHEMAS = path.join(__dirname, '../../test-support/fixtures/openlineage');
const schema = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as object;

/** The facet's own JSON Schema (it $refs the OpenLineage core schema, loaded beside it). */
function facetValidator() {
  // strict: false because the OpenLineage schemas use annotation keywords ajv does not know (example).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema(schema('OpenLineage.json'));
  return ajv.compile(schema('ColumnLineageDatasetFacet.json'));
}

describe('the OpenLineage column-lineage export', () => {
  let catalog: Catalog;
  const validate = facetValidator();
  beforeAll(async () => {
    catalog = await exampleCatalog();
  });
  const documentOf = (name: string) => toOpenLineageDataset(catalog, catalog.datasets.get(name)!);
  const fieldOf = (document: OpenLineageDataset, column: string) => document.facets.columnLineage.fields[column].inputFields;

  it("validates against OpenLineage's facet schema, for every dataset and in the catalog document", async () => {
    const documents = toOpenLineageCatalog(catalog).datasets;
    expect(documents.map((document) => document.name)).toEqual([...catalog.sources, ...catalog.models].map((d) => `${d.schema}.${d.name}`));
    for (const document of documents) {
      const valid = validate(document.facets);
      expect({ dataset: document.name, errors: valid ? [] : validate.errors }).toEqual({ dataset: document.name, errors: [] });
    }
    // The validator is not a rubber stamp: an input field without its field name is refused.
    const broken = JSON.parse(JSON.stringify(documentOf('dim_customer').facets)) as {
      columnLineage: { fields: Record<string, { inputFields: object[] }> };
    };
    delete (broken.columnLineage.fields.customer_id.inputFields[0] as { field?: string }).field;
    expect(validate(broken)).toBe(false);
  });

  it('gives each column its direct inputs, with the transform and whether it masks', () => {
    const dimCustomer = documentOf('dim_customer');
    expect(dimCustomer).toMatchObject({ namespace: 'bigquery', name: `${catalog.datasets.get('dim_customer')!.schema}.dim_customer` });
    const stgCustomers = `${catalog.datasets.get('stg_customers')!.schema}.stg_customers`;
    expect(fieldOf(dimCustomer, 'customer_id')).toEqual([
      {
        namespace: 'bigquery',
        name: stgCustomers,
        field: 'customer_id',
        transformations: [{ type: 'DIRECT', subtype: 'IDENTITY', description: '', masking: false }],
      },
    ]);
    expect(fieldOf(dimCustomer, 'email_sha256')).toEqual([
      {
        namespace: 'bigquery',
        name: stgCustomers,
        field: 'email',
        transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', description: 'TO_HEX(SHA256(c.email))', masking: true }],
      },
    ]);
    const orders = documentOf('int_customer_orders');
    expect(fieldOf(orders, 'order_count')[0].transformations).toEqual([
      { type: 'DIRECT', subtype: 'AGGREGATION', description: expect.stringMatching(/^count/), masking: true },
    ]);
  });

  it('lists join keys, filters and grouping as indirect inputs of the whole dataset', () => {
    const stg = documentOf('stg_customers').facets.columnLineage.dataset;
    const summary = stg.map(
      (input) => `${input.name.split('.').pop()}.${input.field}: ${input.transformations.map((t) => `${t.type}/${t.subtype}`).join(', ')}`,
    );
    expect(summary).toEqual([
      'crm_customers.customer_id: INDIRECT/JOIN',
      'crm_addresses.customer_id: INDIRECT/JOIN',
      'crm_addresses.country: INDIRECT/FILTER',
    ]);
    const grouped = documentOf('int_customer_orders').facets.columnLineage.dataset;
    // One input field, both filtered on and grouped by: its transformations are gathered.
    expect(grouped.map((input) => [input.field, input.transformations.map((t) => t.subtype)])).toEqual([
      ['customer_id', ['FILTER', 'GROUP_BY']],
    ]);
  });

  it('is registered as one document per dataset and one for the catalog, as stable JSON', async () => {
    const dataset = catalog.datasets.get('fact_customer_360')!;
    const [file] = DATASET_EXPORTERS.openlineage(dataset, catalog);
    expect(file.path).toBe('fact_customer_360.openlineage.json');
    expect(JSON.parse(String(file.content))).toEqual(toOpenLineageDataset(catalog, dataset));
    const [catalogFile] = await CATALOG_EXPORTERS.openlineage(catalog);
    expect(catalogFile.path).toBe('catalog.openlineage.json');
    expect(String(catalogFile.content)).toBe(`${JSON.stringify(toOpenLineageCatalog(catalog), null, 2)}\n`);
  });
});
