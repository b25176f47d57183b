import * as path from 'node:path';
import { loadSpecsFolder } from '../load';
import { generateDatasetCode } from './generate-code';

const ROOT = path.resolve(__dirname, '../../../..');

describe('the warehouse a model names', () => {
  it("renders dbt code in the model's own warehouse, and Dataform in BigQuery always", async () => {
    const { catalog } = await loadSpecsFolder(ROOT, 'specs');
    const file = (dataset: string, suffix: string) => {
      const code = generateDatasetCode(catalog!, catalog!.datasets.get(dataset)!);
      return code.files.find((f) => f.path.endsWith(suffix))!.content;
    };
    // dim_order says warehouse: snowflake; the catalog's warehouse is BigQuery.
    expect(file('dim_order', 'dbt/models/marts/dim_order.yml')).toMatch(/data_type: TIMESTAMP_TZ/);
    expect(file('dim_customer', 'dbt/models/marts/dim_customer.yml')).toMatch(/data_type: TIMESTAMP\n/);
    expect(file('dim_customer', 'dim_customer.sqlx')).toMatch(/TO_HEX\(SHA256\(/);
  });
});
