import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A PostgreSQL cluster in a temporary directory, reachable only on a unix socket there, for
 * tests that run generated SQL on the real engine. Test infrastructure: it throws on failure.
 * The server refuses to run as root, so under root it runs as the `postgres` user that the
 * Debian package creates.
 */
export interface ThrowawayPostgres {
  /** Runs SQL with psql (ON_ERROR_STOP); returns the unaligned, tuples-only output. */
  query(sql: string): string;
  /** A connection URL over the unix socket, as `test --postgresUrl` and the pg client take it. */
  readonly url: string;
  stop(): void;
}

/** The newest installed server's bin directory, or undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  return newest === undefined ? undefined : path.join(root, newest, 'bin');
}

export const POSTGRES_MISSING = 'PostgreSQL is not installed (apt-get install -y postgresql), so this test is skipped';

export function startThrowawayPostgres(bin: string): ThrowawayPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specline-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const asOwner = (command: string, args: readonly string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, command), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  let running = false;
  const stop = () => {
    if (running) asOwner('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    running = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
    // -l: the server must not inherit our stdout pipe, or execFileSync waits for it forever.
    asOwner('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off`,
      '-w',
      'start',
    ]);
    running = true;
  } catch (error) {
    stop();
    throw error;
  }
  return {
    query: (sql) => {
      const psql = spawnSync(
        path.join(bin, 'psql'),
        ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-f', '-'],
        { input: sql, encoding: 'utf8' },
      );
      if (psql.status !== 0)
        throw new Error(`PostgreSQL: ${psql.stderr.trim() || psql.error?.message || `psql exited with ${psql.status}`}`);
      return psql.stdout;
    },
    // pg-connection-string reads the socket directory from the host parameter.
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop,
  };
}
