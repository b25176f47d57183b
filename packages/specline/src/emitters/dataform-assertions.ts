import type { Catalog, Model } from '../catalog';
import { inDialect } from '../compiler';
import type { Diagnostic } from '../diagnostics';
import { sqlStringLiteral } from '../escaping';
import { quoteIdentifier } from '../sql';
import { DATAFORM_DIALECT } from './dataform-dialect';

/**
 * The spec's tests as Dataform's built-in assertions:
 * https://cloud.google.com/dataform/docs/assertions#built-in
 * relationships tests have no built-in form and are left to the dbt and DuckDB test runs.
 */
export function dataformAssertions(catalog: Catalog, model: Model, problems: Diagnostic[]): Record<string, unknown> | undefined {
  const dialect = DATAFORM_DIALECT;
  const nonNull: string[] = [];
  const uniqueKeys: string[][] = [];
  const rowConditions: string[] = [];
  for (const column of model.columns) {
    const name = quoteIdentifier(column.name, dialect);
    for (const test of column.tests) {
      if (test.kind === 'not_null') nonNull.push(column.name);
      else if (test.kind === 'unique') uniqueKeys.push([column.name]);
      else if (test.kind === 'accepted_values')
        rowConditions.push(`${name} IS NULL OR ${name} IN (${test.values.map(literal).join(', ')})`);
      else if (test.kind === 'expression')
        rowConditions.push(inDialect(test.expression, test.expression.text, catalog.constitution.dialect, dialect, problems));
    }
  }
  for (const test of model.tests) if (test.kind === 'unique_combination') uniqueKeys.push([...test.columns]);
  const assertions = {
    ...(uniqueKeys.length ? { uniqueKeys } : {}),
    ...(nonNull.length ? { nonNull } : {}),
    ...(rowConditions.length ? { rowConditions } : {}),
  };
  return Object.keys(assertions).length ? assertions : undefined;
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? sqlStringLiteral(value, DATAFORM_DIALECT) : String(value).toUpperCase();
}
