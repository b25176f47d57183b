/**
 * Dataform compiles and runs SQLX on BigQuery only, so its code is always BigQuery SQL,
 * whatever warehouse the catalog or a model names.
 * https://cloud.google.com/dataform/docs/overview
 */
export const DATAFORM_DIALECT = 'bigquery';
