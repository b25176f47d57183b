import type { Catalog } from '../catalog';

/** dbt's adapter name for a warehouse dialect, where it differs. */
const ADAPTER: Readonly<Record<string, string>> = { postgresql: 'postgres', tsql: 'sqlserver' };

/**
 * Connection settings per adapter, as each adapter's "Connection profiles" page documents
 * them (https://docs.getdbt.com/docs/core/connect-data-platform/about-core-connections).
 * Secrets and hosts come from environment variables, so the file can be committed and used
 * as it is: `dbt build --profiles-dir <dbt tree>` with the variables set.
 */
function outputOf(warehouse: string, env: (field: string) => string, schema: string): Record<string, unknown> {
  const common = { schema, threads: 4 };
  switch (warehouse) {
    case 'bigquery':
      // dbt-bigquery accepts database/schema as aliases of project/dataset.
      return { type: 'bigquery', method: 'oauth', database: env('PROJECT'), ...common, location: 'US' };
    case 'snowflake':
      return {
        type: 'snowflake',
        account: env('ACCOUNT'),
        user: env('USER'),
        password: env('PASSWORD'),
        role: env('ROLE'),
        database: env('DATABASE'),
        warehouse: env('WAREHOUSE'),
        ...common,
      };
    case 'postgresql':
    case 'redshift':
      return {
        type: ADAPTER[warehouse] ?? warehouse,
        host: env('HOST'),
        port: warehouse === 'redshift' ? 5439 : 5432,
        user: env('USER'),
        password: env('PASSWORD'),
        dbname: env('DATABASE'),
        ...common,
      };
    case 'duckdb':
      return { type: 'duckdb', path: env('PATH'), ...common };
    case 'databricks':
      return { type: 'databricks', host: env('HOST'), http_path: env('HTTP_PATH'), token: env('TOKEN'), ...common };
    case 'spark':
      return { type: 'spark', method: 'thrift', host: env('HOST'), port: 10000, user: env('USER'), schema };
    case 'trino':
      return { type: 'trino', host: env('HOST'), port: 443, user: env('USER'), database: env('CATALOG'), ...common };
    default:
      return { type: ADAPTER[warehouse] ?? warehouse, ...common };
  }
}

/**
 * profiles.yml: the profile dbt_project.yml names, with one target per warehouse the catalog
 * runs on (the constitution's, then any a model names); the constitution's is the default.
 */
export function dbtProfiles(catalog: Catalog): Record<string, unknown> {
  const constitution = catalog.constitution;
  const warehouses = [...new Set([constitution.warehouse, ...catalog.models.map((model) => model.warehouse)])];
  // The default schema, for what names none (every model names its layer's): the catalog's, as in Dataform.
  const schema = constitution.name;
  const outputs = Object.fromEntries(
    warehouses.map((warehouse) => {
      const env = (field: string) => `{{ env_var('DBT_${warehouse.toUpperCase()}_${field}') }}`;
      return [warehouse, outputOf(warehouse, env, schema)];
    }),
  );
  return { [constitution.name]: { target: constitution.warehouse, outputs } };
}
