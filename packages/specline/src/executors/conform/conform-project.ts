import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { testedAgainstNames, type Catalog, type Model } from '../../catalog';
import { DuckSession, SeedWarehouse } from '../../duckdb';
import {
  formatReport,
  loadStatements,
  runGenericTests,
  runPropertyTests,
  runUnitTests,
  compareWithReference,
  seedGiven,
  specImplementation,
  succeeded,
  timedCheck,
  type CheckResult,
  type GivenRows,
  type ModelImplementation,
  type ReferenceCase,
} from '../../testing';
import { modelOfProject } from '../model-of-project';
import type { ConformExecutorOptions } from './schema';
import { checkContract } from './contract-check';

/**
 * The conformance gate: an implementation written elsewhere must honour the contract, pass
 * the same unit, generic and property tests the spec generates for itself, and give the same
 * rows as the spec's own compiled SELECT (the reference) on every input tried. For an scd2
 * model, `apply` is a hand-written apply script, checked over several successive loads.
 */
export async function conformProject(
  workspaceRoot: string,
  options: ConformExecutorOptions & { specsDir: string },
  projectName: string,
  specFile: string,
): Promise<{ success: boolean; report: string }> {
  if (!options.sql)
    return {
      success: false,
      report: `${projectName}: conform needs the implementation: nx run ${projectName}:conform --sql=path/to/${projectName}.sql`,
    };
  const found = await modelOfProject(workspaceRoot, options.specsDir, projectName, specFile);
  if (!found.ok) return { success: false, report: found.report };
  const { catalog, model } = found;
  let text: string;
  try {
    text = readFileSync(path.resolve(workspaceRoot, options.sql), 'utf8');
  } catch {
    return { success: false, report: `${projectName}: cannot read ${options.sql}; pass a path relative to the workspace root.` };
  }
  let apply: string | undefined;
  if (options.apply) {
    if (model.load.strategy !== 'scd2')
      return { success: false, report: `${projectName}: --apply is for scd2 models; ${model.name} loads as ${model.load.strategy}.` };
    try {
      apply = readFileSync(path.resolve(workspaceRoot, options.apply), 'utf8');
    } catch {
      return { success: false, report: `${projectName}: cannot read ${options.apply}; pass a path relative to the workspace root.` };
    }
  }
  const implementation: ModelImplementation = {
    label: options.apply ? `${options.sql} with ${options.apply}` : options.sql,
    select: text.trim().replace(/;\s*$/, ''),
    ...(apply !== undefined ? { scd2Apply: () => [apply] } : {}),
  };
  const results: CheckResult[] = [
    await timedCheck('contract', 'output columns and types match the spec', () => checkContract(catalog, model, implementation.select)),
  ];
  results.push(...(await runUnitTests(catalog, model, implementation)));
  results.push(...(await genericTestsOn(workspaceRoot, catalog, model, implementation)));
  results.push(...(await runPropertyTests(catalog, model, implementation)));
  results.push(...(await referenceComparison(workspaceRoot, catalog, model, implementation)));
  const success = succeeded(results);
  const verdict = success
    ? `${options.sql} conforms to ${specFile}`
    : `${options.sql} does NOT conform to ${specFile}; fix the implementation (or the spec, through review)`;
  return { success, report: formatReport(`${projectName}: ${verdict}`, results) };
}

/** The implementation's rows against the spec's own, on the seed rows, each unit test's given, and generated inputs. */
async function referenceComparison(
  workspaceRoot: string,
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
): Promise<CheckResult[]> {
  let seeds: GivenRows;
  try {
    seeds = await seedGiven(catalog, model, workspaceRoot);
  } catch (error) {
    return [{ suite: 'reference', name: 'read the seed rows', status: 'error', durationMs: 0, message: String(error) }];
  }
  const cases: ReferenceCase[] = [
    { label: 'the seed rows', loads: [seeds], inputIn: 'the seed CSVs, with the spec building the upstream models' },
    ...model.unitTests.map((unitTest) => ({ label: `the given rows of unit test ${unitTest.name}`, loads: [unitTest.given] })),
  ];
  return compareWithReference(catalog, model, implementation, specImplementation(catalog, model), cases);
}

/** Builds the inputs from the seed CSVs, loads the implementation's output, runs the generic tests on it. */
async function genericTestsOn(
  workspaceRoot: string,
  catalog: Catalog,
  model: Model,
  implementation: ModelImplementation,
): Promise<CheckResult[]> {
  return DuckSession.scratch(async (session) => {
    const warehouse = new SeedWarehouse(session, catalog, workspaceRoot);
    const target = warehouse.relationOf(model.name);
    const build = await timedCheck('generic', 'build inputs from seed CSVs and load the implementation', async () => {
      for (const input of model.inputs) await warehouse.ensure(input.ref);
      // A relationships test may look up a dataset downstream of this model; building it
      // builds the spec's version of the model, which the implementation then replaces.
      for (const other of testedAgainstNames(model)) await warehouse.ensure(other);
      await session.run(`DROP VIEW IF EXISTS ${target}`).catch(() => session.run(`DROP TABLE IF EXISTS ${target}`));
      await session.runAll(loadStatements(model, implementation, target));
      return { status: 'passed' };
    });
    if (build.status !== 'passed') return [build];
    return runGenericTests(session, catalog, model, target, warehouse.relationOf);
  });
}
