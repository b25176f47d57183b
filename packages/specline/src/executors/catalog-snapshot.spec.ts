import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { WORKSPACE_ROOT } from '../../test-support/example-catalog';
import { initSql, transpileExpression } from '../sql';
import { keepTranslations, loadWorkspaceCatalog } from './catalog-snapshot';

/**
 * The snapshot is trusted only while everything the load read is unchanged. Each test marks
 * the written snapshot (a description only the snapshot has), so a load that shows the mark
 * read the snapshot and one that does not loaded the specs.
 */
describe('the catalog snapshot', () => {
  let root: string;
  let snapshots: string;
  const load = () => loadWorkspaceCatalog(root, 'specs', undefined, snapshots, 0);
  const MARK = 'read from the snapshot';

  beforeAll(() => initSql());
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'specline-snapshot-'));
    snapshots = path.join(root, '.nx', 'workspace-data', 'specline-catalog');
    cpSync(path.join(WORKSPACE_ROOT, 'specs'), path.join(root, 'specs'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const snapshotFiles = () => readdirSync(snapshots).filter((name) => name.endsWith('.bin') && name !== 'translations.bin');
  /** Marks the one snapshot: its first model's description becomes MARK. Returns what the load asked the file system. */
  function markSnapshot(): [string, string, string | undefined, boolean][] {
    const [name] = snapshotFiles();
    const file = path.join(snapshots, name!);
    const snapshot = deserialize(readFileSync(file)) as {
      catalog: { models: { description?: string }[] };
      answers: [string, string, string | undefined, boolean][];
    };
    snapshot.catalog.models[0]!.description = MARK;
    writeFileSync(file, serialize(snapshot));
    return snapshot.answers;
  }
  const marked = async () => (await load()).catalog?.models[0]?.description === MARK;

  it('gives the same catalog as a load, graph included, and is read by the next load', async () => {
    const first = await load();
    expect(snapshotFiles()).toHaveLength(1);
    const second = await load();
    const shape = (loaded: typeof first) =>
      JSON.stringify({
        models: loaded.catalog?.models,
        sources: loaded.catalog?.sources,
        diagnostics: loaded.diagnostics,
        readers: loaded.catalog?.sources.map((source) => loaded.catalog?.graph.readersOf(source.name)),
        order: loaded.catalog?.graph.topologicalOrder(),
      });
    expect(shape(second)).toBe(shape(first));
    expect(second.catalog?.datasets.get(second.catalog.models[0]!.name)).toBe(second.catalog?.models[0]);
    markSnapshot();
    expect(await marked()).toBe(true);
  });

  it('is not read after a spec file changes, or after a spec is added', async () => {
    await load();
    markSnapshot();
    const [first] = (await load()).catalog!.models;
    writeFileSync(path.join(root, first!.file), `${readFileSync(path.join(root, first!.file), 'utf8')}\n# edited\n`);
    expect(await marked()).toBe(false);

    rmSync(snapshots, { recursive: true, force: true });
    await load();
    markSnapshot();
    expect(await marked()).toBe(true);
    writeFileSync(path.join(root, 'specs', 'models', 'notes.yaml'), 'kind: glossary\nname: notes\nterms: []\n');
    expect(await marked()).toBe(false);
  });

  it('is not read when a file the load found is gone', async () => {
    await load();
    const answers = markSnapshot();
    const present = answers.find(([question, , , answer]) => question === 'exists' && answer);
    expect(present).toBeDefined(); // the example's sources name their seed files
    expect(await marked()).toBe(true);
    rmSync(path.resolve(root, present![1]));
    expect(await marked()).toBe(false);
  });

  it('is ignored when unreadable, and neither it nor the translations are written when turned off', async () => {
    await load();
    writeFileSync(path.join(snapshots, snapshotFiles()[0]!), 'not a snapshot');
    expect((await load()).catalog?.models.length).toBeGreaterThan(0);

    rmSync(snapshots, { recursive: true, force: true });
    process.env['SPECLINE_CATALOG_SNAPSHOT'] = 'off';
    try {
      await load();
      expect(transpileExpression('LOWER(c.a_name_only_the_off_test_uses)', 'bigquery', 'duckdb')).toMatchObject({ ok: true });
      keepTranslations(snapshots);
    } finally {
      delete process.env['SPECLINE_CATALOG_SNAPSHOT'];
    }
    expect(existsSync(snapshots)).toBe(false);
  });

  it('keeps the translations a process made for the next one, only when it made new ones', async () => {
    await load();
    keepTranslations(snapshots);
    const file = path.join(snapshots, 'translations.bin');
    const count = () => (deserialize(readFileSync(file)) as { entries: unknown[] }).entries.length;
    const before = existsSync(file) ? count() : 0;
    expect(transpileExpression('UPPER(c.a_name_only_this_test_uses)', 'bigquery', 'duckdb')).toMatchObject({ ok: true });
    keepTranslations(snapshots);
    expect(count()).toBe(before + 1);
  });
});
