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
  /** From Nx's summary, when the command was an Nx run: the tasks it executed (not cache hits)... */
  readonly executed?: readonly string[];
  /** ...out of how many, */
  readonly total?: number;
  /** ...and its "Run duration": task time, without the CLI start and the project graph. */
  readonly runSeconds?: number;
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
  const output = `${child.stdout}${child.stderr}`;
  return { seconds, peakMiB: kib / 1024, output, status: child.status ?? -1, ...nxSummary(output) };
}

/**
 * What Nx's static output says about a run: every task it started is announced as
 * `> nx run <project>:<target>`, with a bracketed note when it came from the cache.
 */
export function nxSummary(output: string): Pick<Measurement, 'executed' | 'total' | 'runSeconds'> {
  const announced = [...output.matchAll(/^> nx run (\S+:\S+)(.*)$/gm)];
  if (announced.length === 0) return {};
  const duration = /Run duration:\s+([\d.]+)(ms|s)\b/.exec(output);
  // In batch mode Nx announces an executed task twice (when the batch starts it and with its output).
  const tasks = new Set(announced.map(([, task]) => task));
  return {
    executed: [...new Set(announced.filter(([, , note]) => !/cache/.test(note)).map(([, task]) => task))],
    total: tasks.size,
    runSeconds: duration ? Number(duration[1]) / (duration[2] === 'ms' ? 1000 : 1) : undefined,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
