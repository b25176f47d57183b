import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { syncFolder } from './sync-folder';

describe('syncFolder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'specline-sync-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nested text and binary files, then rewrites only the changed ones', () => {
    expect(
      syncFolder(dir, [
        { path: 'dbt/models/a.sql', content: 'a' },
        { path: 'b.xlsx', content: new Uint8Array([1, 2]) },
      ]).written,
    ).toEqual(['dbt/models/a.sql', 'b.xlsx']);
    const before = statSync(path.join(dir, 'b.xlsx')).ino;
    const second = syncFolder(dir, [
      { path: 'dbt/models/a.sql', content: 'b' },
      { path: 'b.xlsx', content: new Uint8Array([1, 2]) },
    ]);
    expect(second).toEqual({ written: ['dbt/models/a.sql'], unchanged: ['b.xlsx'], removed: [] });
    expect(statSync(path.join(dir, 'b.xlsx')).ino).toBe(before);
    expect(readFileSync(path.join(dir, 'dbt/models/a.sql'), 'utf8')).toBe('b');
  });

  it('removes stale files and empty folders, leaves a kept (failed) platform folder alone, and leaves no temporary file', () => {
    mkdirSync(path.join(dir, 'sql/duckdb'), { recursive: true });
    writeFileSync(path.join(dir, 'sql/duckdb/old.sql'), 'last good');
    mkdirSync(path.join(dir, 'pyspark/staging'), { recursive: true });
    writeFileSync(path.join(dir, 'pyspark/staging/gone.py'), 'stale');
    const result = syncFolder(dir, [{ path: 'contract.json', content: '{}' }], ['sql']);
    expect(result.removed).toEqual(['pyspark/staging/gone.py']);
    expect(readFileSync(path.join(dir, 'sql/duckdb/old.sql'), 'utf8')).toBe('last good');
    expect(existsSync(path.join(dir, 'pyspark'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['contract.json', 'sql']);
  });
});

describe('two runs syncing one folder at once', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'specline-sync-race-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leave a live run’s temporary file alone and remove a dead one’s', () => {
    mkdirSync(path.join(dir, 'models'), { recursive: true });
    // The parent process is alive for the length of the test; pid 2^22+1 is above Linux's pid_max.
    writeFileSync(path.join(dir, `models/a.sql.${process.ppid}.tmp`), 'in flight');
    writeFileSync(path.join(dir, `models/b.sql.${2 ** 22 + 1}.tmp`), 'left by a crash');
    const result = syncFolder(dir, [{ path: 'contract.json', content: '{}' }]);
    expect(result.removed).toEqual([`models/b.sql.${2 ** 22 + 1}.tmp`]);
    expect(readdirSync(path.join(dir, 'models'))).toEqual([`a.sql.${process.ppid}.tmp`]);
  });

  it('never fail each other (no ENOENT on a rename)', async () => {
    const worker = path.join(__dirname, '../../test-support/sync-folder-worker.ts');
    const run = (name: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', worker, dir, name, '150'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += String(chunk)));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run('a'), run('b')]);
    expect(
      results.map((result) => (result.code === 0 ? 0 : (result.stderr.split('\n').find((line) => /Error/.test(line)) ?? result.stderr))),
    ).toEqual([0, 0]);
  });
});
