import * as path from 'node:path';
import {
  DUCKDB_ENGINE,
  succeeded,
  formatReport,
  runGenericTests,
  runUnitTests,
  specImplementation,
  toJUnitXml,
  runPropertyTests,
  withPostgresEngine,
  type CheckResult,
  type SeededWarehouse,
  type TestEngine,
} from '../../testing';
import { isModel, type Catalog, type Model } from '../../catalog';
import { writeFileIfChanged } from '../../output';
import { modelOfProject } from '../model-of-project';
import type { ProjectTaskOptions } from '../project-task';
import { seededMemoryWarehouse } from '../seeded-memory-warehouse';

export interface TestTaskOptions extends ProjectTaskOptions {
  /** Where the tests run: DuckDB in-process (the default) or the PostgreSQL server at postgresUrl. */
  engine?: string;
  /** The server for engine postgresql; SPECLINE_POSTGRES_URL when left out. */
  postgresUrl?: string;
}

export interface ProjectTestRun {
  readonly success: boolean;
  readonly report: string;
  readonly results: readonly CheckResult[];
}

/** The environment variable naming the PostgreSQL server when --postgresUrl is not given. */
export const POSTGRES_URL_VARIABLE = 'SPECLINE_POSTGRES_URL';

const rowCount = async (warehouse: SeededWarehouse, name: string): Promise<number> =>
  Number((await warehouse.session.rows(`SELECT COUNT(*) AS n FROM ${warehouse.relationOf(name)}`))[0]?.['n'] ?? 0);

/**
 * A generic test on an empty table finds no offending row, so it would pass without testing
 * anything: when the model built from the seeds has no rows, every such check is skipped,
 * with the inputs that have no rows (a source without a seed CSV, say) named as the reason.
 */
async function skippedWhenEmpty(
  warehouse: SeededWarehouse,
  catalog: Catalog,
  model: Model,
  generic: CheckResult[],
): Promise<CheckResult[]> {
  if ((await rowCount(warehouse, model.name)) > 0) return generic;
  const empty: string[] = [];
  for (const input of model.inputs) {
    if ((await rowCount(warehouse, input.ref)) > 0) continue;
    const dataset = catalog.datasets.get(input.ref);
    const why = dataset && !isModel(dataset) && !dataset.seed ? ' (a source without a seed CSV)' : '';
    empty.push(`${input.ref}${why}`);
  }
  const reason = `${model.name} has no rows to test: built from the seed CSVs it is empty${
    empty.length ? `, since ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no rows` : ''
  }. Add seed rows so that this check tests something.`;
  return generic.map((result) => (result.status === 'passed' ? { ...result, status: 'skipped', message: reason } : result));
}

/**
 * The test target of one model: generic tests on seed-built data, unit tests, property tests,
 * on DuckDB or on PostgreSQL (in a scratch schema the run creates and drops); JUnit XML beside.
 */
export async function testProject(
  workspaceRoot: string,
  options: TestTaskOptions & Required<ProjectTaskOptions>,
  projectName: string,
  specFile: string,
): Promise<ProjectTestRun> {
  const engine = options.engine ?? 'duckdb';
  if (engine !== 'duckdb' && engine !== 'postgresql')
    return refused(
      `${projectName}: --engine=${engine} is not an engine the tests run on; use --engine=duckdb (the default) or --engine=postgresql.`,
    );
  const found = await modelOfProject(workspaceRoot, options.specsDir, projectName, specFile);
  if (!found.ok) return { success: false, report: found.report, results: [] };
  const { catalog, model } = found;
  let results: CheckResult[];
  if (engine === 'duckdb') {
    results = await runTests(catalog, model, DUCKDB_ENGINE, await seededMemoryWarehouse(catalog, workspaceRoot));
  } else {
    // The option is explicit and the variable ambient: the option wins.
    const url = options.postgresUrl || process.env[POSTGRES_URL_VARIABLE];
    if (!url)
      return refused(
        `${projectName}: --engine=postgresql needs a PostgreSQL server: pass --postgresUrl=postgresql://user:password@host:5432/database, or set ${POSTGRES_URL_VARIABLE}. The tests work in a scratch schema they create and drop.`,
      );
    results = await withPostgresEngine(url, (postgres) =>
      runTests(catalog, model, postgres.engine, postgres.seedWarehouse(catalog, workspaceRoot)),
    );
  }
  const label = engine === 'duckdb' ? DUCKDB_ENGINE.label : 'PostgreSQL';
  writeFileIfChanged(path.join(workspaceRoot, options.outputDir, projectName, 'test-results.xml'), toJUnitXml(projectName, results));
  return {
    success: succeeded(results),
    report: formatReport(`${projectName} (${specFile}): spec-derived tests on ${label}`, results),
    results,
  };
}

function refused(report: string): ProjectTestRun {
  return { success: false, report, results: [] };
}

async function runTests(catalog: Catalog, model: Model, engine: TestEngine, warehouse: SeededWarehouse): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  try {
    await warehouse.ensureWithTestTargets(model.name);
    const generic = await runGenericTests(
      warehouse.session,
      catalog,
      model,
      warehouse.relationOf(model.name),
      warehouse.relationOf,
      engine,
    );
    results.push(...(await skippedWhenEmpty(warehouse, catalog, model, generic)));
  } catch (error) {
    results.push({
      suite: 'generic',
      name: 'build from seed CSVs',
      status: 'error',
      durationMs: 0,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  let implementation;
  try {
    implementation = specImplementation(catalog, model, engine);
  } catch (error) {
    // The model cannot be compiled for the engine (e.g. a function it lacks): the unit and
    // property tests cannot run, which is an error result, not a crash.
    results.push({
      suite: 'unit',
      name: `compile the model for ${engine.label}`,
      status: 'error',
      durationMs: 0,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  if (implementation) {
    results.push(...(await runUnitTests(catalog, model, implementation, engine)));
    results.push(...(await runPropertyTests(catalog, model, implementation, {}, engine)));
  }
  return results;
}
