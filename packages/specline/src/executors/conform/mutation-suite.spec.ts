import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../../catalog';
import { initSql } from '../../sql';
import { compareWithReference, seedGiven, specImplementation, succeeded, type GivenRows, type ModelImplementation } from '../../testing';
import { exampleCatalog, WORKSPACE_ROOT } from '../../../test-support/example-catalog';
import { checkContract } from './contract-check';
import { MUTANTS, type Mutant } from '../../../test-support/fixtures/conform/mutants';

/**
 * The mutation suite: single edits of correct hand-written implementations of every example
 * model. A mutant that changes any output row must be rejected by the contract check or the
 * reference comparison (the spec's own SELECT as oracle); a mutant that changes no row is
 * listed with the reason it is equivalent and must be accepted, so the reason is checked too.
 * The score is printed; docs/testing.md records it and this command.
 */
const FIXTURES = path.join(__dirname, '../../../test-support/fixtures/conform');
const outcomes: { mutant: Mutant; rejected: boolean; by: string }[] = [];
let catalog: Catalog;
const seeds = new Map<string, Promise<GivenRows>>();

beforeAll(async () => {
  await initSql();
  catalog = await exampleCatalog();
});

afterAll(() => {
  const killable = outcomes.filter((outcome) => !outcome.mutant.equivalent);
  const killed = killable.filter((outcome) => outcome.rejected).length;
  const equivalent = outcomes.length - killable.length;
  process.stdout.write(
    `mutation score: ${killed}/${killable.length} non-equivalent mutants rejected; ${equivalent} equivalent mutant(s) accepted, each with its reason\n`,
  );
});

/** Contract, then the value comparison on the seed rows, each unit test's given, and generated rows. */
async function verdict(modelName: string, implementation: ModelImplementation): Promise<{ rejected: boolean; by: string }> {
  const model = catalog.models.find((candidate) => candidate.name === modelName)!;
  const contract = await checkContract(catalog, model, implementation.select);
  if (contract.status !== 'passed') return { rejected: true, by: `contract: ${contract.message}` };
  const cases = [
    { label: 'the seed rows', loads: [await seedsOf(modelName)] },
    ...model.unitTests.map((unitTest) => ({ label: `unit test ${unitTest.name}`, loads: [unitTest.given] })),
  ];
  // The verdict is what counts here; conform itself shrinks a difference for its report.
  const results = await compareWithReference(catalog, model, implementation, specImplementation(catalog, model), cases, { shrink: false });
  const failed = results.find((result) => result.status !== 'passed');
  return succeeded(results) ? { rejected: false, by: '' } : { rejected: true, by: `${failed!.name}: ${failed!.message}` };
}

function seedsOf(modelName: string): Promise<GivenRows> {
  let rows = seeds.get(modelName);
  if (!rows) {
    rows = seedGiven(
      catalog,
      catalog.models.find((candidate) => candidate.name === modelName)!,
      WORKSPACE_ROOT,
    );
    seeds.set(modelName, rows);
  }
  return rows;
}

/** The hand-written SELECT and, for an scd2 model, its hand-written apply, one of them edited by the mutant. */
function implementationOf(modelName: string, mutant?: Mutant): ModelImplementation {
  const edit = (file: 'select' | 'apply', text: string) =>
    mutant && (mutant.file ?? 'select') === file ? text.replace(mutant.from, mutant.to) : text;
  const select = edit('select', readFileSync(path.join(FIXTURES, `${modelName}.sql`), 'utf8'));
  const applyFile = path.join(FIXTURES, `${modelName}.apply.sql`);
  const apply = existsSync(applyFile) ? edit('apply', readFileSync(applyFile, 'utf8')) : undefined;
  return {
    label: `${modelName}.sql`,
    select: select.trim().replace(/;\s*$/, ''),
    ...(apply !== undefined ? { scd2Apply: () => [apply] } : {}),
  };
}

describe('the hand-written implementations', () => {
  it.each([...new Set(MUTANTS.map((mutant) => mutant.model))])('%s conforms unmutated', async (modelName) => {
    const { rejected, by } = await verdict(modelName, implementationOf(modelName));
    expect(by).toBe('');
    expect(rejected).toBe(false);
  });
});

describe('mutation suite', () => {
  it('has at least 60 mutants over all example models', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MUTANTS.map((mutant) => mutant.model)).size).toBe(catalog.models.length);
  });

  it.each(MUTANTS.map((mutant) => [`${mutant.model}${mutant.file === 'apply' ? '.apply' : ''}: ${mutant.name}`, mutant] as const))(
    '%s',
    async (_, mutant) => {
      const original = readFileSync(path.join(FIXTURES, `${mutant.model}${mutant.file === 'apply' ? '.apply' : ''}.sql`), 'utf8');
      // A mutant whose text is not found exactly once would silently test the original.
      expect(original.split(mutant.from).length - 1).toBe(1);
      const outcome = await verdict(mutant.model, implementationOf(mutant.model, mutant));
      outcomes.push({ mutant, ...outcome });
      if (mutant.equivalent) expect(outcome).toEqual({ rejected: false, by: '' });
      else expect(outcome.rejected).toBe(true);
    },
  );
});
