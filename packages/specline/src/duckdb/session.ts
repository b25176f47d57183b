import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/**
 * Statements sent as one script: DuckDB runs them in order and returns the last one's result.
 * Each ends on a line of its own, so a trailing `-- comment` cannot swallow the separator.
 */
const script = (statements: readonly string[]) => statements.join('\n;\n');

/** The instance scratch databases live in; started on first use, kept for the life of the process. */
let scratchInstance: Promise<DuckDBInstance> | undefined;
let scratchCount = 0;

/**
 * A small DuckDB session: one instance, one connection. Rows come back as JSON-safe values
 * (BIGINT and DECIMAL as text, timestamps as ISO-like text) so callers compare them exactly.
 */
export class DuckSession {
  private constructor(
    private readonly connection: DuckDBConnection,
    /** The instance this session started and close() closes; a scratch session's instance is shared. */
    private readonly instance?: DuckDBInstance,
  ) {}

  /** `path` is a database file, or ':memory:' for a throw-away database. */
  static async open(path = ':memory:'): Promise<DuckSession> {
    const instance = await DuckDBInstance.create(path);
    return new DuckSession(await instance.connect(), instance);
  }

  /**
   * Runs `work` on an empty in-memory database with a connection of its own (so its own
   * temporary tables), then drops it. Every scratch database of a process lives in one shared
   * instance: starting and closing an instance costs ~100 ms, attaching a database ~1 ms, and a
   * test run takes a fresh database per unit test, per property and per comparison.
   */
  static async scratch<T>(work: (session: DuckSession) => Promise<T>): Promise<T> {
    scratchInstance ??= DuckDBInstance.create(':memory:');
    const connection = await (await scratchInstance).connect();
    const name = `specline_scratch_${++scratchCount}`;
    await connection.run(`ATTACH ':memory:' AS ${name}; USE ${name}`);
    try {
      // await before finally drops the database: a query on a closed connection crashes the process.
      return await work(new DuckSession(connection));
    } finally {
      // A script of the implementation under test may leave a transaction open, or aborted.
      await connection
        .run(`USE memory; DETACH ${name}`)
        .catch(() => connection.run(`ROLLBACK; USE memory; DETACH ${name}`))
        // Left attached, the empty database only holds memory until the process ends.
        .catch(() => undefined);
      connection.closeSync();
    }
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs `statements` in order in one round trip (a test case's setup is a dozen small statements). */
  async runAll(statements: readonly string[]): Promise<void> {
    if (statements.length) await this.connection.run(script(statements));
  }

  /** The rows of `sql`; `before` runs first, in the same round trip. */
  async rows(sql: string, before: readonly string[] = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(script([...before, sql]));
    return reader.getRowObjectsJson() as Row[];
  }

  /** The output columns of a query and their DuckDB types, without running it. */
  async describe(sql: string): Promise<{ name: string; type: string }[]> {
    const rows = await this.rows(`DESCRIBE ${sql}`);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  }

  close(): void {
    this.connection.closeSync();
    this.instance?.closeSync();
  }
}
