import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { DatasetGraph, type Catalog } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import { loadCatalog, loadSpecsFolder } from '../load';
import type { SpecSource } from '../spec/spec-source';
import { initSql, translationMemo } from '../sql';

/** What the executors read of a workspace's specs. */
export interface WorkspaceCatalog {
  readonly catalog?: Catalog;
  /** Sorted by file, line, column and code. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Nx runs the batches of one run one after another, each in a new process: validate, codegen
 * and export, then the catalog's own codegen after prune. Each loaded and resolved the whole
 * catalog (6.3 s at 1,000 specs, most of a cold run's difference from Dataform). The first
 * process now writes what it resolved to Nx's workspace data folder and the next ones read it
 * (0.2 s at 1,000: v8's structured serialisation, which keeps the catalog's shared objects
 * shared). A snapshot is keyed by everything the load reads: the plugin's own code, the spec
 * files' names and contents, and it records the other paths the load asked about (a seed
 * file's existence, a symbolic link's target), which a reader checks again before trusting it.
 * Small scopes (a single task) load faster than they hash, and are not snapshotted.
 * SPECLINE_CATALOG_SNAPSHOT=off loads every time (docs/benchmarks.md compares the two).
 */
export function loadWorkspaceCatalog(
  workspaceRoot: string,
  specsDir: string,
  scope: ((allSpecFiles: readonly string[]) => readonly string[] | undefined) | undefined,
  snapshotDir: string,
  smallest = SMALLEST_SNAPSHOT,
): Promise<WorkspaceCatalog> {
  return loadSpecsFolder(workspaceRoot, specsDir, scope, async (source, files) => {
    if (files.length >= smallest && !turnedOff()) return throughSnapshot(source, files, specsDir, snapshotDir);
    const { catalog, diagnostics } = await loadCatalog(source, files, specsDir);
    return { catalog, diagnostics };
  });
}

async function throughSnapshot(
  source: SpecSource,
  files: readonly string[],
  specsDir: string,
  snapshotDir: string,
): Promise<WorkspaceCatalog> {
  restoreTranslations(snapshotDir);
  const contents = await readAll(source, files);
  const file = path.join(snapshotDir, `${snapshotKey(specsDir, contents)}.bin`);
  const kept = readSnapshot(file, source);
  if (kept) {
    // The executors translate SQL after loading; a loaded catalog has initialised polyglot.
    await initSql();
    return kept;
  }
  const recording = recordingSource(source, contents);
  const { catalog, diagnostics } = await loadCatalog(recording.source, files, specsDir);
  writeSnapshot(file, { catalog, diagnostics }, recording.answers);
  return { catalog, diagnostics };
}

/** SPECLINE_CATALOG_SNAPSHOT=off: neither snapshots nor translations are read or written. */
function turnedOff(): boolean {
  return process.env['SPECLINE_CATALOG_SNAPSHOT'] === 'off';
}

/** Below this many spec files a load takes well under a second. */
const SMALLEST_SNAPSHOT = 100;
/** Snapshots kept per workspace: the latest run's, and one more for a run with another scope. */
const SNAPSHOTS_KEPT = 2;
/** Bump when the snapshot's shape changes. */
const FORMAT = 1;

interface Snapshot {
  readonly format: number;
  readonly catalog?: Omit<Catalog, 'graph'>;
  readonly edges: readonly (readonly [string, string])[];
  readonly diagnostics: readonly Diagnostic[];
  readonly answers: readonly Answer[];
}

/** A question the load asked the file system beyond the spec files' contents, and its answer. */
type Answer = readonly ['exists' | 'linksOutside', string, string | undefined, boolean];

/**
 * The spec files' bytes, read once for the key and, on a miss, for the load; undefined where a
 * file cannot be read (the load reads it again and reports why).
 */
async function readAll(source: SpecSource, files: readonly string[]): Promise<Map<string, Uint8Array | undefined>> {
  const contents = new Map<string, Uint8Array | undefined>();
  for (const file of [...files].sort()) contents.set(file, await source.read(file).catch(() => undefined));
  return contents;
}

/**
 * The source the load reads through on a miss: spec files from the bytes the key was made of
 * (so the snapshot holds what its key names), and each distinct file-system question recorded
 * once (many specs may name one seed file).
 */
function recordingSource(
  source: SpecSource,
  contents: ReadonlyMap<string, Uint8Array | undefined>,
): { source: SpecSource; answers: Answer[] } {
  const asked = new Map<string, Answer>();
  const record = (answer: Answer) => {
    asked.set(JSON.stringify(answer.slice(0, 3)), answer);
    return answer[3];
  };
  return {
    get answers() {
      return [...asked.values()];
    },
    source: {
      ...source,
      read: (file) => {
        const known = contents.get(file);
        return known ? Promise.resolve(known) : source.read(file);
      },
      exists: (file) => record(['exists', file, undefined, source.exists(file)]),
      linksOutside: (file, specsDir) => record(['linksOutside', file, specsDir, source.linksOutside(file, specsDir)]),
    },
  };
}

function snapshotKey(specsDir: string, contents: ReadonlyMap<string, Uint8Array | undefined>): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${codeIdentity()}\0${specsDir}\0`);
  for (const [file, content] of contents) {
    hash.update(`${file}\0`);
    // An unreadable file is read (and reported) by the load; its name is in the key.
    if (content === undefined) hash.update('unreadable\0');
    else hash.update(`${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 32);
}

function readSnapshot(file: string, source: SpecSource): WorkspaceCatalog | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = deserialize(readFileSync(file)) as Snapshot;
  } catch {
    return undefined; // none yet, or unreadable: load
  }
  if (snapshot.format !== FORMAT) return undefined;
  const unchanged = snapshot.answers.every(([question, target, specsDir, answer]) =>
    question === 'exists' ? source.exists(target) === answer : source.linksOutside(target, specsDir) === answer,
  );
  if (!unchanged) return undefined;
  const catalog = snapshot.catalog && { ...snapshot.catalog, graph: new DatasetGraph(snapshot.catalog.datasets.keys(), snapshot.edges) };
  return { catalog, diagnostics: snapshot.diagnostics };
}

/** Written to a temporary file and renamed, so a reader never sees half a snapshot; a failure only costs the next load. */
function writeSnapshot(file: string, loaded: WorkspaceCatalog, answers: readonly Answer[]): void {
  try {
    const { graph, ...catalog } = loaded.catalog ?? ({} as Partial<Catalog>);
    const snapshot: Snapshot = {
      format: FORMAT,
      catalog: loaded.catalog && (catalog as Omit<Catalog, 'graph'>),
      edges: graph?.edges() ?? [],
      diagnostics: loaded.diagnostics,
      answers,
    };
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(snapshot));
    renameSync(temporary, file);
    keepNewest(path.dirname(file), SNAPSHOTS_KEPT);
  } catch {
    // A snapshot that cannot be written (read-only workspace, full disk) only costs speed.
  }
}

function keepNewest(dir: string, count: number): void {
  const snapshots = readdirSync(dir)
    .filter((name) => name.endsWith('.bin'))
    .map((name) => ({ name, time: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of snapshots.slice(count)) rmSync(path.join(dir, name), { force: true });
}

const TRANSLATIONS = 'translations.bin';
let translationsRestored = 0;

/**
 * The fragments' translations this process made, kept beside the snapshots for the next
 * process: the catalog's codegen (the build scripts of every dialect) asks for the same ones
 * as the datasets' codegen before it, which took 10 s at 1,000 specs to translate them again.
 * Called when a batch has run; writes only when the process translated something new.
 */
export function keepTranslations(snapshotDir: string): void {
  if (turnedOff()) return;
  const entries = translationMemo.entries();
  if (entries.length <= translationsRestored) return;
  try {
    mkdirSync(snapshotDir, { recursive: true });
    const file = path.join(snapshotDir, TRANSLATIONS);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ identity: codeIdentity(), entries }));
    renameSync(temporary, file);
  } catch {
    // Only speed is lost.
  }
}

function restoreTranslations(snapshotDir: string): void {
  try {
    const kept = deserialize(readFileSync(path.join(snapshotDir, TRANSLATIONS))) as {
      identity?: string;
      entries?: [string, never][];
    };
    if (kept.identity !== codeIdentity() || !Array.isArray(kept.entries)) return;
    translationMemo.restore(kept.entries);
    translationsRestored = translationMemo.entries().length;
  } catch {
    // None yet.
  }
}

let identity: string | undefined;

/**
 * The plugin's code, as a hash of every module file beside this one (dist/ when installed,
 * src/ in this repository's tests) and the version of polyglot, which parses the fragments:
 * a rebuilt or upgraded plugin never reads a snapshot an older one wrote.
 */
function codeIdentity(): string {
  if (identity) return identity;
  const hash = createHash('sha256');
  const root = path.resolve(__dirname, '..');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name) && !/\.(spec|d)\.ts$/.test(entry.name)) hash.update(`${full}\0`).update(readFileSync(full));
    }
  };
  walk(root);
  try {
    hash.update(
      (JSON.parse(readFileSync(require.resolve('@polyglot-sql/sdk/package.json'), 'utf8')) as { version?: string }).version ?? '',
    );
  } catch {
    // Its files are then under the same key as before; the plugin's own are always hashed.
  }
  identity = hash.digest('hex');
  return identity;
}
