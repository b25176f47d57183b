import type { Catalog } from '../catalog';
import { warehouseRelation } from '../compiler';
import { generateCatalogCode, generateDatasetCode } from './index';
import { exampleCatalog } from '../../test-support/example-catalog';
import { seedStatement } from '../../test-support/example-catalog-tables';
import { quoteIdentifier } from '../sql/quote-identifier';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/throwaway-postgres';

/**
 * codegen's plain PostgreSQL for the example catalog, run on a real PostgreSQL: the generated
 * landing tables, the seed CSVs, then sql/postgresql/build.sql twice (incremental and scd2
 * loads must re-run cleanly), as a user of the sql target would.
 */
const bin = postgresBinDir();

function generated(path: string, files: readonly { path: string; content: string }[]): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`codegen wrote no ${path}`);
  return file.content;
}

(bin ? describe : describe.skip)(`generated PostgreSQL build script${bin ? '' : ` — ${POSTGRES_MISSING}`}`, () => {
  let catalog: Catalog;
  let server: ThrowawayPostgres;

  beforeAll(async () => {
    catalog = await exampleCatalog();
    server = startThrowawayPostgres(bin as string);
  });

  afterAll(() => server?.stop());

  it('builds every sql-target model from the seeds, twice', () => {
    const relation = warehouseRelation(catalog, 'postgresql');
    const schemas = [catalog.constitution.sourceSchema, ...catalog.constitution.layers.map((layer) => layer.schema)];
    server.query([...new Set(schemas)].map((schema) => `CREATE SCHEMA ${quoteIdentifier(schema, 'postgresql')};`).join('\n'));
    for (const source of catalog.sources) {
      const code = generateDatasetCode(catalog, source);
      expect(code.diagnostics).toEqual([]);
      server.query(generated(`sql/postgresql/sources/${source.system}/${source.table}.sql`, code.files));
      if (source.seed) server.query(seedStatement(catalog, source, 'postgresql'));
    }
    const code = generateCatalogCode(catalog);
    expect(code.diagnostics).toEqual([]);
    const build = generated('sql/postgresql/build.sql', code.files);
    server.query(build);
    const count = (name: string) => Number(server.query(`SELECT COUNT(*) FROM ${relation(name)};`).trim());
    const models = catalog.models.filter((model) => model.targets.includes('sql'));
    const first = Object.fromEntries(models.map((model) => [model.name, count(model.name)]));
    expect(models.filter((model) => first[model.name] === 0).map((model) => model.name)).toEqual([]);

    server.query(build);
    expect(Object.fromEntries(models.map((model) => [model.name, count(model.name)]))).toEqual(first);
  });

  it('builds the same rows whatever the session time zone it runs in (the script pins UTC)', () => {
    const relation = warehouseRelation(catalog, 'postgresql');
    const build = generated('sql/postgresql/build.sql', generateCatalogCode(catalog).files);
    // Tables are computed when the script runs; a view is computed when read, in the reader's session.
    const tables = catalog.models.filter(
      (model) => model.targets.includes('sql') && ['table', 'incremental'].includes(model.load.strategy),
    );
    expect(tables.length).toBeGreaterThan(0);
    const rebuiltIn = (zone: string) => {
      server.query(`SET TIME ZONE '${zone}';\n${tables.map((model) => `TRUNCATE ${relation(model.name)};`).join('\n')}\n${build}`);
      return tables.map((model) => server.query(`SET TIME ZONE 'UTC'; SELECT * FROM ${relation(model.name)} ORDER BY 1, 2;`)).join('\n');
    };
    // 14 hours ahead of UTC: most timestamps fall on another date there.
    expect(rebuiltIn('Pacific/Kiritimati')).toBe(rebuiltIn('UTC'));
  });
});
