import { Client, types, type QueryResult } from 'pg';

export type Row = Record<string, unknown>;

/**
 * Types whose values come back as the server prints them, as DuckSession gives them: a
 * timestamp or date is compared as text, never turned into a JavaScript Date (which would
 * move it into the local time zone and drop microseconds). Numbers and booleans keep pg's parsers.
 * https://github.com/brianc/node-pg-types (OIDs from PostgreSQL's pg_type.dat)
 */
const AS_TEXT = new Set([
  17, // bytea
  114, // json
  3802, // jsonb
  1082, // date
  1083, // time
  1114, // timestamp
  1184, // timestamptz
  1186, // interval
  1266, // timetz
]);

const script = (statements: readonly string[]) => statements.join('\n;\n');

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}

/**
 * A connection to a PostgreSQL server, shaped like DuckSession (run statements, read rows) so
 * the spec tests run on either. The session time zone is UTC, as the generated PostgreSQL
 * scripts pin it, so TIMESTAMPTZ values read and compare the same whatever PGTZ says.
 */
export class PostgresSession {
  private constructor(private readonly client: Client) {}

  /** Connects to `url` (postgresql://user:password@host:port/database, or ?host=/socket/dir); throws one readable line. */
  static async connect(url: string): Promise<PostgresSession> {
    const client = new Client({
      connectionString: url,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          AS_TEXT.has(oid) ? (value: string) => value : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
      },
    });
    // A server that goes away mid-run is reported by the next query; unhandled, this event would end the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query("SET TIME ZONE 'UTC'");
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new Error(`cannot connect to PostgreSQL at ${redactedUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new PostgresSession(client);
  }

  async run(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  /** Runs `statements` in order in one round trip (PostgreSQL's simple query protocol takes a script). */
  async runAll(statements: readonly string[]): Promise<void> {
    if (statements.length) await this.client.query(script(statements));
  }

  /** The rows of `sql`; `before` runs first and `after` last, in the same round trip. */
  async rows(sql: string, before: readonly string[] = [], after: readonly string[] = []): Promise<Row[]> {
    const results = (await this.client.query(script([...before, sql, ...after]))) as QueryResult | QueryResult[];
    const list = Array.isArray(results) ? results : [results];
    // The last statement that returns rows is `sql`: `after` holds statements without a result set.
    const read = [...list].reverse().find((result) => result.fields.length > 0);
    return (read?.rows ?? []) as Row[];
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
