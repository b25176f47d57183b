import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeTree } from './write-tree';

describe('writeTree', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'specline-write-tree-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nested files, then rewrites only the changed ones', () => {
    expect(writeTree(dir, [{ path: 'dbt/models/a.sql', content: 'a' }, { path: 'contract.json', content: '{}' }]).written).toEqual(['dbt/models/a.sql', 'contract.json']);
    const before = statSync(path.join(dir, 'contract.json')).ino;
    const second = writeTree(dir, [{ path: 'dbt/models/a.sql', content: 'b' }, { path: 'contract.json', content: '{}' }]);
    expect(second).toMatchObject({ written: ['dbt/models/a.sql'], unchanged: ['contract.json'] });
    expect(statSync(path.join(dir, 'contract.json')).ino).toBe(before);
    expect(readFileSync(path.join(dir, 'dbt/models/a.sql'), 'utf8')).toBe('b');
  });

  it('removes stale files and empty folders, but leaves a kept (failed) platform folder alone', () => {
    mkdirSync(path.join(dir, 'sql/duckdb'), { recursive: true });
    writeFileSync(path.join(dir, 'sql/duckdb/old.sql'), 'last good');
    mkdirSync(path.join(dir, 'pyspark/staging'), { recursive: true });
    writeFileSync(path.join(dir, 'pyspark/staging/gone.py'), 'stale');
    const result = writeTree(dir, [{ path: 'contract.json', content: '{}' }], ['sql']);
    expect(result.removed).toEqual(['pyspark/staging/gone.py']);
    expect(readFileSync(path.join(dir, 'sql/duckdb/old.sql'), 'utf8')).toBe('last good');
    expect(existsSync(path.join(dir, 'pyspark'))).toBe(false);
  });
});
