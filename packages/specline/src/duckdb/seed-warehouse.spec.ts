import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSpecsFolder } from '../load';
import { initSql } from '../sql';
import { SeedWarehouse } from './seed-warehouse';
import { DuckSession } from './session';

const SPECS: Record<string, string> = {
  'specs/constitution.yaml': 'kind: constitution\nname: t\ndialect: bigquery\nlayers:\n  staging: { pattern: "^stg_" }\n',
  'specs/sources/crm/customers.yaml':
    'kind: source\nname: customers\nsystem: crm\nseed: customers.csv\ncolumns:\n  - { name: id, type: INT64 }\n  - { name: name, type: STRING }\n  - { name: amount, type: FLOAT64 }\n',
};

/** What loading the seed says, for one CSV text: undefined when it loads. */
async function loadSeed(csv: string): Promise<string | undefined> {
  const root = mkdtempSync(path.join(tmpdir(), 'specline-seed-'));
  try {
    for (const [file, text] of Object.entries({ ...SPECS, 'specs/sources/crm/customers.csv': csv })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    await initSql();
    const { catalog } = await loadSpecsFolder(root, 'specs');
    const session = await DuckSession.open();
    try {
      await new SeedWarehouse(session, catalog!, root).ensure('crm_customers');
      return undefined;
    } catch (error) {
      return (error as Error).message;
    } finally {
      session.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('seed CSV problems name the file, line and column', () => {
  const seed = 'specs/sources/crm/customers.csv';

  it('loads a good seed', async () => {
    expect(await loadSeed('id,name,amount\n1,a,2.5\n')).toBeUndefined();
  });

  it('a value of the wrong type', async () => {
    expect(await loadSeed('id,name,amount\n1,a,2.5\n2,"b, c",x\n')).toMatch(
      new RegExp(`^${seed}:3:10: column "amount": Could not convert string "x" to 'DOUBLE'\\. Hint: `),
    );
  });

  it('a row with too few fields, and one with too many', async () => {
    expect(await loadSeed('id,name,amount\n1,a,2.5\n2,b\n')).toMatch(
      new RegExp(`^${seed}:3:4: the row has 2 fields; the header has 3\\. Hint: `),
    );
    expect(await loadSeed('id,name,amount\n1,a,2.5,9\n')).toMatch(
      new RegExp(`^${seed}:2:9: the row has 4 fields; the header has 3\\. Hint: `),
    );
  });

  it('a header that does not name the declared columns in order (values would land in the wrong columns)', async () => {
    expect(await loadSeed('id,amount,name\n1,2.5,a\n')).toMatch(
      new RegExp(`^${seed}:1:4: the header names "amount" where the spec declares "name"\\. Hint: write the header as id,name,amount`),
    );
  });
});
