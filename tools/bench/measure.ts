import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** One timed command: wall seconds, peak RSS of the largest process in its tree, its output. */
export interface Measurement {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly output: string;
  readonly status: number;
}

export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };

/**
 * Runs a command under GNU time (`/usr/bin/time -f`), which reports the wall clock and the
 * largest resident set of any process in the tree (getrusage's ru_maxrss over waited children).
 */
export function measure(command: string, args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Measurement {
  const report = path.join(tmpdir(), `specline-bench-time-${process.pid}.txt`);
  const child = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %M', command, ...args], {
    cwd,
    env: { ...process.env, ...NX_ENV, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const [seconds, kib] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(report, { force: true });
  return { seconds, peakMiB: kib / 1024, output: `${child.stdout}${child.stderr}`, status: child.status ?? -1 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Tasks Nx really executed, from its run summary ("Cache: 12/297 hit (4%)"). */
export function executedTasks(output: string): { executed: number; total: number } {
  const cache = /Cache:\s+(\d+)\/(\d+) hit/.exec(output);
  if (!cache) return { executed: NaN, total: NaN };
  return { executed: Number(cache[2]) - Number(cache[1]), total: Number(cache[2]) };
}
