import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { KNOWN_DIFFERENCES } from '../../test-support/semantic-corpus-known';
import { initSql, transpileExpression } from './index';
import { semanticCorpus, type CorpusEntry } from '../../test-support/semantic-corpus';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/throwaway-postgres';

type Verdict = 'agrees' | 'refused' | 'differs';

function same(entry: CorpusEntry, actual: string | null): boolean {
  if (entry.expected === null || actual === null) return entry.expected === actual;
  if (entry.numeric) return Math.abs(Number(actual) - Number(entry.expected)) < 1e-9;
  // A TIMESTAMP read in a UTC session: naive (DuckDB) or with its +00 offset (an instant type).
  if (entry.instant) return actual.replace(/\+00(:00)?$/, '') === entry.expected;
  return actual === entry.expected;
}

async function judge(
  entry: CorpusEntry,
  target: 'duckdb' | 'postgresql',
  evaluate: (sql: string) => Promise<string | null>,
): Promise<{ verdict: Verdict; detail: string }> {
  const translated = transpileExpression(entry.fragment, 'bigquery', target);
  if (!translated.ok) {
    if (translated.problem.code === 'SQL005') return { verdict: 'refused', detail: translated.problem.message };
    return { verdict: 'differs', detail: `does not translate: ${translated.problem.message}` };
  }
  let actual: string | null;
  try {
    actual = await evaluate(translated.sql);
  } catch (error) {
    return { verdict: 'differs', detail: `${translated.sql} fails: ${String(error).split('\n')[0]}` };
  }
  return same(entry, actual)
    ? { verdict: 'agrees', detail: '' }
    : { verdict: 'differs', detail: `${translated.sql} gives ${JSON.stringify(actual)}, BigQuery ${JSON.stringify(entry.expected)}` };
}

const KNOWN_FILE = path.join(__dirname, '../../test-support/semantic-corpus-known.ts');
const found: Partial<Record<'duckdb' | 'postgresql', string[]>> = {};

/**
 * Runs the corpus on one engine. A fragment must give BigQuery's value or be refused (SQL005);
 * the differences not fixed yet are listed in test-support/semantic-corpus-known.ts, and the
 * run must find exactly those: a new difference fails, and so does a fixed one still listed.
 * UPDATE_CORPUS_KNOWN=1 rewrites that list from the run; review its diff.
 */
async function run(target: 'duckdb' | 'postgresql', evaluate: (sql: string) => Promise<string | null>): Promise<string[]> {
  const tally: Record<Verdict, number> = { agrees: 0, refused: 0, differs: 0 };
  const differing: string[] = [];
  const details: string[] = [];
  for (const entry of semanticCorpus()) {
    const { verdict, detail } = await judge(entry, target, evaluate);
    tally[verdict]++;
    if (verdict === 'differs') {
      differing.push(entry.fragment);
      details.push(`${entry.fragment}: ${detail}`);
    }
  }
  // The values behind each difference, printed only when the list is not the known one.
  const known = JSON.stringify(differing) === JSON.stringify(KNOWN_DIFFERENCES[target]);
  process.stdout.write(`semantic corpus on ${target}: ${JSON.stringify(tally)}\n${known ? '' : `${details.join('\n')}\n`}`);
  found[target] = differing;
  return differing;
}

afterAll(() => {
  if (process.env.UPDATE_CORPUS_KNOWN !== '1') return;
  const list = (target: 'duckdb' | 'postgresql') =>
    (found[target] ?? KNOWN_DIFFERENCES[target]).map((fragment) => `    ${JSON.stringify(fragment)},`);
  const entries = (target: 'duckdb' | 'postgresql') =>
    list(target).length ? [`  ${target}: [`, ...list(target), '  ],'] : [`  ${target}: [],`];
  writeFileSync(
    KNOWN_FILE,
    [
      '/**',
      " * The semantic corpus fragments whose value on an engine still differs from BigQuery's, as",
      ' * src/sql/semantic-corpus.spec.ts last found them (UPDATE_CORPUS_KNOWN=1 rewrites this file).',
      ' * Each is a defect to fix in src/sql/corrections/ or to refuse with SQL005; docs/correctness.md',
      ' * groups them.',
      ' */',
      "export const KNOWN_DIFFERENCES: Readonly<Record<'duckdb' | 'postgresql', readonly string[]>> = {",
      ...entries('duckdb'),
      ...entries('postgresql'),
      '};',
      '',
    ].join('\n'),
  );
});

/**
 * Evaluates expressions in one psql session, pinned to UTC as the generated scripts are. Each
 * value is printed between bars (so psql's line end keeps its spaces) after a numbered marker;
 * an expression that fails prints nothing and is left out of the map, or throws when `strict`.
 */
function evaluateOnPostgres(server: ThrowawayPostgres, expressions: readonly string[], strict = false): Map<string, string | null> {
  const script = [
    strict ? '' : '\\set ON_ERROR_STOP 0',
    "SET TIME ZONE 'UTC';",
    ...expressions.map((sql, i) => `SELECT '#${i}';\nSELECT COALESCE('|' || CAST((${sql}) AS TEXT) || '|', '<null>');`),
  ].join('\n');
  const values = new Map<string, string | null>();
  let current: number | undefined;
  for (const line of server.query(script).split('\n')) {
    const marker = /^#(\d+)$/.exec(line);
    if (marker) current = Number(marker[1]);
    else if (current !== undefined && (line === '<null>' || line.startsWith('|'))) {
      values.set(expressions[current] as string, line === '<null>' ? null : line.slice(1, -1));
      current = undefined;
    }
  }
  return values;
}

beforeAll(() => initSql());

describe('the semantic corpus', () => {
  it('runs on DuckDB', async () => {
    // The engine directly: sql/ ranks below duckdb/, whose session it may not import.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // As the generated PostgreSQL scripts do: a TIMESTAMPTZ is read in UTC.
    await connection.run("SET TimeZone = 'UTC'");
    try {
      const differing = await run('duckdb', async (sql) => {
        const [row] = (await connection.runAndReadAll(`SELECT CAST((${sql}) AS VARCHAR) AS v`)).getRowObjectsJson();
        return row.v === null ? null : String(row.v);
      });
      expect(differing).toEqual(KNOWN_DIFFERENCES.duckdb);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  const bin = postgresBinDir();
  (bin ? it : it.skip)(`runs on PostgreSQL${bin ? '' : ` — ${POSTGRES_MISSING}`}`, async () => {
    const server: ThrowawayPostgres = startThrowawayPostgres(bin!);
    try {
      const translated = semanticCorpus().flatMap((entry) => {
        const result = transpileExpression(entry.fragment, 'bigquery', 'postgresql');
        return result.ok ? [result.sql] : [];
      });
      // One psql run for the whole corpus (a run each took minutes); a failing one is asked again, alone, for its error.
      const values = evaluateOnPostgres(server, translated);
      const differing = await run('postgresql', async (sql) => {
        const value = values.get(sql);
        if (value !== undefined) return value;
        const [alone] = [...evaluateOnPostgres(server, [sql], true).values()];
        return alone ?? null;
      });
      expect(differing).toEqual(KNOWN_DIFFERENCES.postgresql);
    } finally {
      server.stop();
    }
  });
});
