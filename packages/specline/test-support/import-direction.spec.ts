import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The house plan (docs/architecture.md), enforced: imports run one way, from the nx shells down
 * to diagnostics. A folder may import only folders of a lower rank; folders of one rank are
 * siblings and do not import each other. Tests keep the same rule, and may also use
 * test-support/. No file imports itself through a cycle. A new folder under src/ must be given
 * a rank here, which is where its place in the plan is decided.
 */
export const RANKS: Readonly<Record<string, number>> = {
  diagnostics: 0,
  escaping: 0,
  output: 0,
  spec: 1,
  sql: 2,
  catalog: 3,
  lineage: 4,
  validate: 5,
  load: 6,
  compiler: 7,
  duckdb: 8,
  postgres: 8,
  emitters: 9,
  exporters: 9,
  importers: 9,
  testing: 9,
  workspace: 10,
  impact: 10,
  plugin: 11,
  executors: 11,
  generators: 11,
  'index.ts': 12,
};

const PACKAGE = path.resolve(__dirname, '..');
const SRC = path.join(PACKAGE, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'golden' ? [] : tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports (static, re-exports, dynamic, require), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire\(\s*)'(\.{1,2}\/[^']*)'/g)) {
    const base = path.resolve(path.dirname(file), match[1]);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => files.has(candidate));
    if (target) found.push(target);
  }
  return found;
}

/** The top folder under src/ a file belongs to (or index.ts), or undefined outside src/. */
function folderOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
}

const files = new Set([...tsFiles(SRC), ...tsFiles(path.join(PACKAGE, 'test-support'))]);
const edges = new Map([...files].map((file) => [file, importsOf(file)]));
const show = (file: string) => path.relative(PACKAGE, file);

describe('the import direction', () => {
  it('reads the package: files, and imports between them', () => {
    expect(files.size).toBeGreaterThan(200);
    expect([...edges.values()].flat().length).toBeGreaterThan(500);
  });

  it('gives every folder under src/ a rank', () => {
    const unranked = [...files].map(folderOf).filter((folder): folder is string => folder !== undefined && !(folder in RANKS));
    expect([...new Set(unranked)]).toEqual([]);
  });

  it('has no import from a folder to a folder of the same or a higher rank', () => {
    const backward: string[] = [];
    for (const [file, targets] of edges) {
      const from = folderOf(file);
      if (from === undefined) continue; // test-support/ builds fixtures from any layer
      for (const target of targets) {
        const to = folderOf(target);
        if (to === undefined) {
          if (!file.endsWith('.spec.ts')) backward.push(`${show(file)} -> ${show(target)} (product code importing a test helper)`);
          continue;
        }
        if (to !== from && RANKS[to] >= RANKS[from])
          backward.push(`${show(file)} (${from}, ${RANKS[from]}) -> ${show(target)} (${to}, ${RANKS[to]})`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('has no import cycle between files, tests included', () => {
    // Tarjan's strongly connected components: any component of more than one file is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let counter = 0;
    const visit = (file: string): void => {
      index.set(file, counter);
      low.set(file, counter++);
      stack.push(file);
      onStack.add(file);
      for (const target of edges.get(file) ?? []) {
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(show(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of [...files].sort()) if (!index.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
