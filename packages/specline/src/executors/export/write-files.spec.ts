import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeFiles } from './write-files';

describe('writeFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'specline-write-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes only changed files, removes stale ones and leaves no temporary file', () => {
    writeFileSync(path.join(dir, 'stale.csv'), 'old');
    expect(writeFiles(dir, [{ path: 'a.md', content: 'A' }, { path: 'b.xlsx', content: new Uint8Array([1, 2]) }])).toEqual({ written: ['a.md', 'b.xlsx'], unchanged: [], removed: ['stale.csv'] });
    expect(writeFiles(dir, [{ path: 'a.md', content: 'A2' }, { path: 'b.xlsx', content: new Uint8Array([1, 2]) }])).toEqual({ written: ['a.md'], unchanged: ['b.xlsx'], removed: [] });
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.xlsx']);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('A2');
  });
});
