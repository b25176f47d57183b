import { DuckDBInstance } from '@duckdb/node-api';
import { Dialect } from '@polyglot-sql/sdk';
import { CHECKED_DIALECTS, functionListFile } from './function-lists';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres } from '../../test-support/throwaway-postgres';

/** The same queries as functions/generate-*.{js,sh}; a failure here means: run the script. */
const DUCKDB_QUERY = 'SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions()';
const POSTGRES_QUERY = "SELECT DISTINCT lower(proname) FROM pg_proc WHERE prokind IN ('f', 'a', 'w')";

describe('function lists', () => {
  it.each(CHECKED_DIALECTS)('%s is sorted, distinct and lower-case', (dialect) => {
    const names = functionListFile(dialect);
    expect(names.length).toBeGreaterThan(200);
    expect(names).toEqual([...new Set(names)].sort());
    expect(names.filter((name) => name !== name.toLowerCase() || /\s/.test(name))).toEqual([]);
  });

  it('duckdb.txt matches the installed DuckDB (else run functions/generate-duckdb.js)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(DUCKDB_QUERY)).getRowObjects();
    connection.closeSync();
    instance.closeSync();
    expect([...functionListFile(Dialect.DuckDB)]).toEqual(rows.map((row) => String(row['name'])).sort());
  });

  const bin = postgresBinDir();
  (bin ? it : it.skip)(
    `postgresql.txt matches the installed PostgreSQL (else run functions/generate-postgresql.sh)${bin ? '' : ` — ${POSTGRES_MISSING}`}`,
    () => {
      const server = startThrowawayPostgres(bin as string);
      try {
        const names = server.query(`${POSTGRES_QUERY};`).split('\n').filter(Boolean);
        expect([...functionListFile(Dialect.PostgreSQL)]).toEqual(names.sort());
      } finally {
        server.stop();
      }
    },
  );
});
