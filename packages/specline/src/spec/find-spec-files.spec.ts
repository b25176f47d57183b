import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findSpecFiles } from './find-spec-files';
import type { SpecSource } from './spec-source';

describe('findSpecFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-find-'));
    mkdirSync(path.join(root, 'specs/models/.hidden'), { recursive: true });
    for (const file of ['specs/b.yaml', 'specs/models/a.json', 'specs/models/notes.md', 'specs/models/.hidden/x.yaml'])
      writeFileSync(path.join(root, file), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists spec files sorted, skipping hidden folders and other extensions', async () => {
    expect(await findSpecFiles(root, 'specs')).toEqual({ files: ['specs/b.yaml', 'specs/models/a.json'], diagnostics: [] });
  });

  it('reports a specs folder that does not exist, instead of an empty catalog', async () => {
    const { files, diagnostics } = await findSpecFiles(root, 'spec');
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.location.file, d.message])).toEqual([
      ['FILE008', 'spec', 'The specs folder "spec" does not exist.'],
    ]);
    expect(diagnostics[0].hint).toMatch(/specsDir/);
  });

  it('reports a folder it cannot list, and still lists the rest', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    const source: SpecSource = {
      list: async (folder) => {
        if (folder === 'specs/locked') throw denied;
        return folder === 'specs'
          ? [
              { name: 'locked', isFolder: true },
              { name: 'ok.yaml', isFolder: false },
            ]
          : [];
      },
      sizeOf: async () => 0,
      read: async () => new Uint8Array(),
      exists: () => true,
      linksOutside: () => false,
    };
    const { files, diagnostics } = await findSpecFiles(source, 'specs');
    expect(files).toEqual(['specs/ok.yaml']);
    expect(diagnostics.map((d) => [d.code, d.location.file])).toEqual([['FILE001', 'specs/locked']]);
    expect(diagnostics[0].message).toMatch(/EACCES/);
  });
});
