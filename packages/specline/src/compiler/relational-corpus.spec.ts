import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Catalog } from '../catalog';
import { formatDiagnostics } from '../diagnostics';
import { loadSpecsFolder } from '../load';
import { quoteIdentifier } from '../sql';
import { compileModelSelect, warehouseRelation } from './index';
import { typedTables, type SeededEngine } from '../../test-support/example-catalog-tables';
import {
  RELATIONAL_CORPUS,
  RELATIONAL_SOURCES,
  type Cell,
  type RelationalCase,
  type RelationalSourceName,
} from '../../test-support/relational-corpus';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres } from '../../test-support/throwaway-postgres';

/**
 * Runs the relational corpus (test-support/relational-corpus.ts): each case is a model of a
 * scratch catalog, compiled as every target compiles it (compileModelSelect) for DuckDB and
 * PostgreSQL, run over the case's rows, and its output compared with the rows BigQuery's
 * documented rules give. Any difference fails, on either engine.
 */
function writeCorpusCatalog(root: string): void {
  const specs = path.join(root, 'specs');
  mkdirSync(path.join(specs, 'sources', 'rc'), { recursive: true });
  mkdirSync(path.join(specs, 'models'), { recursive: true });
  writeFileSync(
    path.join(specs, 'constitution.yaml'),
    'kind: constitution\nname: relational_corpus\ndialect: bigquery\nlayers:\n  corpus: { pattern: "^rc_[a-z0-9_]+$" }\n',
  );
  for (const [dataset, source] of Object.entries(RELATIONAL_SOURCES)) {
    const name = dataset.replace(/^rc_/, '');
    const columns = source.columns.map((column) => `  - { name: ${column.name}, type: ${column.type} }`).join('\n');
    writeFileSync(path.join(specs, 'sources', 'rc', `${name}.yaml`), `kind: source\nname: ${name}\nsystem: rc\ncolumns:\n${columns}\n`);
  }
  for (const entry of RELATIONAL_CORPUS)
    writeFileSync(path.join(specs, 'models', `${entry.name}.yaml`), `kind: model\nname: ${entry.name}\nlayer: corpus\n${entry.spec}`);
}

function literal(cell: Cell): string {
  if (cell === null) return 'NULL';
  return typeof cell === 'number' ? String(cell) : `'${cell.replace(/'/g, "''")}'`;
}

/** Replaces every corpus input's rows with the case's, then selects the model's rows as one text per row. */
function caseStatements(catalog: Catalog, entry: RelationalCase, engine: SeededEngine): { setup: string[]; query: string } {
  const relation = warehouseRelation(catalog, engine);
  const q = (name: string) => quoteIdentifier(name, engine);
  const setup = (Object.keys(RELATIONAL_SOURCES) as RelationalSourceName[]).flatMap((dataset) => {
    const rows = entry.given[dataset] ?? [];
    const columns = RELATIONAL_SOURCES[dataset].columns.map((column) => q(column.name)).join(', ');
    return [
      `DELETE FROM ${relation(dataset)};`,
      ...(rows.length
        ? [`INSERT INTO ${relation(dataset)} (${columns}) VALUES ${rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ')};`]
        : []),
    ];
  });
  const model = catalog.models.find((candidate) => candidate.name === entry.name)!;
  const select = compileModelSelect(catalog, model, engine, relation);
  if (!select.ok) throw new Error(`${entry.name} does not compile for ${engine}:\n${formatDiagnostics(select.diagnostics)}`);
  const cells = model.columns.map((column) => `COALESCE(CAST(${q(column.name)} AS TEXT), 'NULL')`).join(` || ' | ' || `);
  return { setup, query: `SELECT ${cells} AS row_text FROM (\n${select.value}\n) AS corpus_rows` };
}

const sorted = (rows: readonly string[]) => [...rows].sort();

/** The cases whose rows differ from BigQuery's, each with both row lists; [] when all agree. */
async function differences(catalog: Catalog, engine: SeededEngine, run: (setup: string[], query: string) => Promise<string[]>) {
  const found: string[] = [];
  for (const entry of RELATIONAL_CORPUS) {
    let actual: string[];
    try {
      const { setup, query } = caseStatements(catalog, entry, engine);
      actual = await run(setup, query);
    } catch (error) {
      found.push(`${entry.name}: fails: ${String(error).split('\n')[0]}`);
      continue;
    }
    if (JSON.stringify(sorted(actual)) !== JSON.stringify(sorted(entry.expected)))
      found.push(
        `${entry.name} (${entry.rule}):\n  BigQuery ${JSON.stringify(sorted(entry.expected))}\n  ${engine} ${JSON.stringify(sorted(actual))}`,
      );
  }
  process.stdout.write(`relational corpus on ${engine}: ${RELATIONAL_CORPUS.length - found.length}/${RELATIONAL_CORPUS.length} agree\n`);
  return found;
}

describe('the relational corpus', () => {
  let root: string;
  let catalog: Catalog;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-relational-'));
    writeCorpusCatalog(root);
    const loaded = await loadSpecsFolder(root, 'specs');
    const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (!loaded.catalog || errors.length) throw new Error(`the relational corpus does not load:\n${formatDiagnostics(errors)}`);
    catalog = loaded.catalog;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has the cases it documents', () => {
    expect(catalog.models.map((model) => model.name).sort()).toEqual(RELATIONAL_CORPUS.map((entry) => entry.name).sort());
    expect(RELATIONAL_CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  it('gives BigQuery’s rows on DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const statement of typedTables(catalog, 'duckdb', false)) await connection.run(statement);
      const found = await differences(catalog, 'duckdb', async (setup, query) => {
        for (const statement of setup) await connection.run(statement);
        return (await connection.runAndReadAll(query)).getRowObjectsJson().map((row) => String(row['row_text']));
      });
      expect(found).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  const bin = postgresBinDir();
  (bin ? it : it.skip)(`gives BigQuery’s rows on PostgreSQL${bin ? '' : ` — ${POSTGRES_MISSING}`}`, async () => {
    const server = startThrowawayPostgres(bin!);
    try {
      server.query(typedTables(catalog, 'postgresql', false).join('\n'));
      const found = await differences(catalog, 'postgresql', async (setup, query) =>
        server
          .query(`${setup.join('\n')}\n${query};`)
          .split('\n')
          .filter((line) => line !== ''),
      );
      expect(found).toEqual([]);
    } finally {
      server.stop();
    }
  });
});
