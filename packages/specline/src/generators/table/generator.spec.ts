import { logger, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GeneratorError } from '../shared/generator-error';
import { tableGenerator } from './generator';

const CONSTITUTION = readFileSync(path.join(__dirname, '../../../../../specs/constitution.yaml'), 'utf-8');

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('specs/constitution.yaml', CONSTITUTION);
  return tree;
}

const DDL = `CREATE TABLE crm.leads (
  lead_id BIGINT NOT NULL,
  email VARCHAR(200),
  full_name TEXT,
  score DECIMAL(5,2),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT pk_leads PRIMARY KEY (lead_id)
);`;

describe('spec:table', () => {
  it('writes a source spec from a DDL file, typed and keyed, and its staging model with the constitution cleanups', async () => {
    const tree = workspace();
    tree.write('leads.sql', DDL);
    await tableGenerator(tree, {
      system: 'crm',
      table: 'leads',
      ddl: 'leads.sql',
      dialect: 'postgresql',
      cursor: 'updated_at',
      staging: true,
    });
    const source = parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string);
    expect(source.primary_key).toEqual(['lead_id']);
    expect(source.load).toEqual({ strategy: 'incremental', cursor: 'updated_at' });
    expect(source.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'lead_id:INT64',
      'email:STRING',
      'full_name:STRING',
      'score:NUMERIC(5,2)',
      'created_at:TIMESTAMP',
      'updated_at:TIMESTAMP',
    ]);
    expect(source.columns[0]).toMatchObject({ nullable: false, tests: ['not_null', 'unique'] });
    expect(source.columns[1]).toMatchObject({ pii: true });
    const staging = parse(tree.read('specs/models/staging/stg_leads.yaml', 'utf-8') as string);
    expect(staging.sources).toEqual([{ ref: 'crm_leads', alias: 's' }]);
    const transforms = Object.fromEntries(staging.columns.map((c: { name: string; transform?: string }) => [c.name, c.transform]));
    expect(transforms).toEqual({
      lead_id: undefined,
      email: 'LOWER(TRIM({from}))',
      full_name: 'TRIM({from})',
      score: undefined,
      created_at: undefined,
      updated_at: undefined,
    });
    expect(tree.read('specs/sources/crm/leads.yaml', 'utf-8')).toMatchSnapshot();
  });

  it('infers types from CSV rows and keeps the CSV as the seed', async () => {
    const tree = workspace();
    tree.write(
      'in/leads.csv',
      'lead_id,postal_code,score,active,signup_date,seen_at,note\n1,02134,1.5,true,2024-01-02,2024-01-02 10:00:00,hi\n2,10117,2,false,2024-02-03,2024-02-03T11:00:00Z,\n',
    );
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: 'in/leads.csv', primaryKey: 'lead_id' });
    const source = parse(tree.read('specs/sources/web/leads.yaml', 'utf-8') as string);
    expect(source.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'lead_id:INT64',
      'postal_code:STRING',
      'score:FLOAT64',
      'active:BOOL',
      'signup_date:DATE',
      'seen_at:TIMESTAMP',
      'note:STRING',
    ]);
    expect(source.seed).toBe('leads.csv');
    expect(tree.read('specs/sources/web/leads.csv', 'utf-8')).toBe(tree.read('in/leads.csv', 'utf-8'));
  });

  it('takes inline columns, with commas inside a type kept together', async () => {
    const tree = workspace();
    await tableGenerator(tree, {
      system: 'erp',
      table: 'invoices',
      columns: 'invoice_id:BIGINT!, amount:DECIMAL(18,2), memo:VARCHAR(20)',
      primaryKey: 'invoice_id',
    });
    const source = parse(tree.read('specs/sources/erp/invoices.yaml', 'utf-8') as string);
    expect(source.columns.map((c: { type: string }) => c.type)).toEqual(['INT64', 'NUMERIC(18,2)', 'STRING']);
    expect(source.load).toEqual({ strategy: 'full' });
  });

  it('refuses to overwrite without --force and leaves the file byte-identical', async () => {
    const tree = workspace();
    await tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:INT64!', primaryKey: 'invoice_id' });
    tree.write('specs/sources/erp/invoices.yaml', tree.read('specs/sources/erp/invoices.yaml', 'utf-8') + '# my edit\n');
    const before = tree.read('specs/sources/erp/invoices.yaml', 'utf-8');
    await expect(
      tableGenerator(tree, { system: 'erp', table: 'invoices', columns: 'invoice_id:INT64!,x:STRING', primaryKey: 'invoice_id' }),
    ).rejects.toMatchObject({ code: 'file-exists' });
    expect(tree.read('specs/sources/erp/invoices.yaml', 'utf-8')).toBe(before);
    await tableGenerator(tree, {
      system: 'erp',
      table: 'invoices',
      columns: 'invoice_id:INT64!,x:STRING',
      primaryKey: 'invoice_id',
      force: true,
    });
    expect(tree.read('specs/sources/erp/invoices.yaml', 'utf-8')).toContain('name: x');
  });

  it.each([
    [{ columns: 'a:INT64', ddl: 'x.sql' }, 'invalid-option'],
    [{ columns: 'a:INT64', csv: 'x.csv' }, 'invalid-option'],
    [{}, 'invalid-option'],
    [{ columns: 'a:WIDGET' }, 'invalid-option'],
    [{ columns: 'a:INT64', primaryKey: 'b' }, 'invalid-option'],
    [{ columns: 'a:INT64', load: 'incremental' as const }, 'invalid-option'],
    [{ ddl: 'missing.sql' }, 'invalid-option'],
    [{ ddl: 'bad.sql' }, 'invalid-option'],
  ])('rejects invalid options %j and writes nothing', async (extra, code) => {
    const tree = workspace();
    tree.write('bad.sql', 'CREATE TABLE (');
    const before = tree.listChanges().length;
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ...extra })).rejects.toBeInstanceOf(GeneratorError);
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ...extra })).rejects.toMatchObject({ code });
    expect(tree.listChanges().length).toBe(before);
  });

  it('refuses a spec that would not validate, e.g. a required owner missing', async () => {
    const tree = workspace();
    tree.write('specs/constitution.yaml', CONSTITUTION.replace('owner: data-platform\n', ''));
    await expect(
      tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!', primaryKey: 'lead_id' }),
    ).rejects.toMatchObject({ code: 'invalid-spec' });
    expect(tree.exists('specs/sources/crm/leads.yaml')).toBe(false);
  });

  it('writes where the plugin registration says the specs live', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const nxJson = readNxJson(tree) ?? {};
    updateNxJson(tree, { ...nxJson, plugins: [{ plugin: '@specline/nx-plugin', options: { specsDir: 'data/specs' } }] });
    tree.write('data/specs/constitution.yaml', CONSTITUTION);
    await tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!', primaryKey: 'lead_id' });
    expect(tree.exists('data/specs/sources/crm/leads.yaml')).toBe(true);
  });
});

describe('spec:table input files', () => {
  const CSV = 'lead_id,email\n1,a@example.com\n2,b@example.com\n';
  let outside: string;
  const restore: (() => void)[] = [];
  beforeEach(() => {
    // A real folder outside the tree's root (/virtual), as a download folder would be.
    outside = mkdtempSync(path.join(tmpdir(), 'specline-input-'));
  });
  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
    jest.restoreAllMocks();
    rmSync(outside, { recursive: true, force: true });
  });
  function setEnv(name: string, value: string): void {
    const previous = process.env[name];
    process.env[name] = value;
    restore.push(() => (previous === undefined ? delete process.env[name] : (process.env[name] = previous)));
  }
  /** As if nx ran in `dir`; INIT_CWD set as npx sets it. */
  function ranIn(dir: string): void {
    jest.spyOn(process, 'cwd').mockReturnValue(dir);
    setEnv('INIT_CWD', dir);
  }
  function changedPaths(tree: Tree): string[] {
    return tree
      .listChanges()
      .map((c) => c.path)
      .sort();
  }

  it('reads --ddl from an absolute path outside the workspace, and leaves that folder as it was', async () => {
    const ddl = path.join(outside, 'leads.sql');
    writeFileSync(ddl, DDL);
    const tree = workspace();
    const before = changedPaths(tree);
    await tableGenerator(tree, { system: 'crm', table: 'leads', ddl, dialect: 'postgresql', cursor: 'updated_at' });
    expect(parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string).primary_key).toEqual(['lead_id']);
    expect(changedPaths(tree).filter((p) => !before.includes(p))).toEqual(['specs/sources/crm/leads.yaml']);
    expect(readdirSync(outside)).toEqual(['leads.sql']);
    expect(readFileSync(ddl, 'utf-8')).toBe(DDL);
  });

  it('reads --csv from ~/ and copies it only beside the spec, as its seed', async () => {
    mkdirSync(path.join(outside, 'exports'));
    writeFileSync(path.join(outside, 'exports/leads.csv'), CSV);
    // os.homedir() reads the real environment, not the test's copy of process.env.
    jest.spyOn(jest.requireActual<typeof import('node:os')>('node:os'), 'homedir').mockReturnValue(outside);
    const tree = workspace();
    const before = changedPaths(tree);
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: '~/exports/leads.csv', primaryKey: 'lead_id' });
    expect(tree.read('specs/sources/web/leads.csv', 'utf-8')).toBe(CSV);
    expect(changedPaths(tree).filter((p) => !before.includes(p))).toEqual(['specs/sources/web/leads.csv', 'specs/sources/web/leads.yaml']);
    expect(tree.read('specs/sources/web/leads.yaml', 'utf-8')).not.toContain(outside);
  });

  it('reads a path relative to the folder the command ran in, falling back to the workspace root', async () => {
    const tree = workspace();
    tree.write('apps/web/leads.csv', CSV);
    tree.write('leads.csv', 'lead_id,root_only\n1,x\n');
    tree.write('apps/exports/signups.csv', 'signup_id\n7\n');
    tree.write('root-only.csv', 'lead_id,fallback\n1,x\n');
    ranIn('/virtual/apps/web');
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: 'leads.csv', seed: false });
    expect(parse(tree.read('specs/sources/web/leads.yaml', 'utf-8') as string).columns.map((c: { name: string }) => c.name)).toEqual([
      'lead_id',
      'email',
    ]);
    await tableGenerator(tree, { system: 'web', table: 'signups', csv: '../exports/signups.csv', seed: false });
    expect(tree.exists('specs/sources/web/signups.yaml')).toBe(true);
    await tableGenerator(tree, { system: 'web', table: 'fallback', csv: 'root-only.csv', seed: false });
    expect(parse(tree.read('specs/sources/web/fallback.yaml', 'utf-8') as string).columns.map((c: { name: string }) => c.name)).toEqual([
      'lead_id',
      'fallback',
    ]);
  });

  it('takes the folder from INIT_CWD when npm run has moved the process to the workspace root', async () => {
    const tree = workspace();
    tree.write('apps/web/leads.csv', CSV);
    jest.spyOn(process, 'cwd').mockReturnValue('/virtual');
    setEnv('INIT_CWD', '/virtual/apps/web');
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: 'leads.csv', seed: false });
    expect(tree.exists('specs/sources/web/leads.yaml')).toBe(true);
  });

  it('reads a relative path that leads out of the workspace from disk', async () => {
    writeFileSync(path.join(outside, 'leads.csv'), CSV);
    ranIn('/virtual/apps');
    const tree = workspace();
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: path.relative('/virtual/apps', path.join(outside, 'leads.csv')) });
    expect(tree.read('specs/sources/web/leads.csv', 'utf-8')).toBe(CSV);
  });

  it('reads an absolute path inside the workspace through the tree, so --dry-run sees pending changes', async () => {
    const tree = workspace();
    tree.write('in/leads.csv', CSV);
    await tableGenerator(tree, { system: 'web', table: 'leads', csv: '/virtual/in/leads.csv', seed: false });
    expect(tree.exists('specs/sources/web/leads.yaml')).toBe(true);
  });

  it('names the flag, the resolved path and the accepted forms when the file is missing', async () => {
    const tree = workspace();
    const missing = path.join(outside, 'nope.sql');
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ddl: missing })).rejects.toMatchObject({
      code: 'invalid-option',
      message: `--ddl: ${missing} does not exist. A path may be absolute, relative to the current folder, or start with ~/.`,
    });
    ranIn('/virtual/apps/web');
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', csv: 'nope.csv' })).rejects.toMatchObject({
      code: 'invalid-option',
      message:
        '--csv: /virtual/apps/web/nope.csv does not exist (nor does /virtual/nope.csv). A path may be absolute, relative to the current folder, or start with ~/.',
    });
  });

  it.each([
    ['a folder outside the workspace', () => '<outside>', /^--csv: \S+ is a folder; name the file in it\./],
    ['a folder in the workspace', () => 'specs', /^--csv: \/virtual\/specs is a folder; name the file in it\./],
    ['the workspace root', () => '.', /^--csv: \/virtual is a folder/],
    ['an unreadable file', () => '<unreadable>', /^--csv: \S+leads\.csv could not be read \(permission denied\)\.$/],
  ])('refuses %s with an option error, not a stack trace, and writes nothing', async (_, given, message) => {
    const unreadable = path.join(outside, 'leads.csv');
    writeFileSync(unreadable, CSV);
    // Tests run as root here, where file modes do not stop a read; the read is made to fail as EACCES would.
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const read = fs.readFileSync;
    jest.spyOn(fs, 'readFileSync').mockImplementation(((file: string, ...rest: unknown[]) => {
      if (file === unreadable) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return (read as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    const tree = workspace();
    const before = snapshotPaths(tree);
    const csv = given().replace('<outside>', outside).replace('<unreadable>', unreadable);
    const error = await tableGenerator(tree, { system: 'web', table: 'leads', csv }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).code).toBe('invalid-option');
    expect((error as GeneratorError).message).toMatch(message);
    expect(snapshotPaths(tree)).toEqual(before);
  });
});

function snapshotPaths(tree: Tree): string[] {
  return tree
    .listChanges()
    .map((c) => `${c.type} ${c.path}`)
    .sort();
}

describe('spec:table renames', () => {
  it('reports every column name it had to change, hostile ones included', async () => {
    const tree = workspace();
    tree.write('hostile.sql', 'CREATE TABLE crm.leads (\n  "id; DROP TABLE x" BIGINT NOT NULL,\n  "Email" VARCHAR(200),\n  score INT\n);');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      await tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'hostile.sql', dialect: 'postgresql' });
      const source = parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string);
      expect(source.columns.map((c: { name: string }) => c.name)).toEqual(['id_drop_table_x', 'email', 'score']);
      expect(warn.mock.calls.map(([line]) => line)).toEqual([
        'spec:table: hostile.sql: the column "id; DROP TABLE x" is named "id_drop_table_x" in the spec (spec names are lower-case identifiers). Check the new name, and rename the column at its source if it was not meant.',
        'spec:table: hostile.sql: the column "Email" is named "email" in the spec (spec names are lower-case identifiers). Check the new name, and rename the column at its source if it was not meant.',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('reports nothing when every name is kept', async () => {
    const tree = workspace();
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      await tableGenerator(tree, { system: 'crm', table: 'leads', columns: 'lead_id:INT64!,email:STRING' });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('spec:table keeps everything the DDL says', () => {
  const columnsOf = (tree: Tree) => parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string).columns;

  it('reads the DDL in the constitution dialect by default, and a BigQuery TIMESTAMP stays a TIMESTAMP', async () => {
    const tree = workspace();
    tree.write(
      'leads.sql',
      // polyglot does not yet read NOT NULL before OPTIONS(...), which BigQuery allows, so the key column has no OPTIONS here.
      "CREATE TABLE crm.leads (\n  lead_id INT64 NOT NULL,\n  seen_at TIMESTAMP OPTIONS(description='When the lead was last seen'),\n  local_at DATETIME\n);",
    );
    await tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'leads.sql' });
    expect(columnsOf(tree)).toEqual([
      { name: 'lead_id', type: 'INT64', nullable: false },
      { name: 'seen_at', type: 'TIMESTAMP', description: 'When the lead was last seen' },
      { name: 'local_at', type: 'DATETIME' },
    ]);
  });

  it('turns CHECK IN into accepted_values, REFERENCES into relationships, UNIQUE into unique, and comments into descriptions', async () => {
    const tree = workspace();
    tree.write(
      'specs/sources/crm/accounts.yaml',
      'kind: source\nname: accounts\nsystem: crm\ndescription: Accounts.\nowner: crm-team\nprimary_key: [id]\ncolumns:\n  - name: id\n    type: INT64\n    nullable: false\n    tests: [not_null, unique]\n',
    );
    tree.write(
      'leads.sql',
      [
        'CREATE TABLE leads (',
        '  lead_id BIGINT PRIMARY KEY,',
        "  status TEXT NOT NULL CHECK (status IN ('new', 'won', 'lost')),",
        '  account_id BIGINT REFERENCES accounts(id),',
        '  owner_id BIGINT,',
        '  code TEXT UNIQUE,',
        '  tier TEXT,',
        '  score INT CHECK (score >= 0),',
        "  CONSTRAINT tier_ck CHECK (tier IN ('a', 'b')),",
        '  FOREIGN KEY (owner_id) REFERENCES users(id)',
        ');',
        "COMMENT ON COLUMN leads.status IS 'Where the lead is in the funnel';",
      ].join('\n'),
    );
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      await tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'leads.sql', dialect: 'postgresql' });
      expect(columnsOf(tree)).toEqual([
        { name: 'lead_id', type: 'INT64', nullable: false, tests: ['not_null', 'unique'] },
        {
          name: 'status',
          type: 'STRING',
          nullable: false,
          description: 'Where the lead is in the funnel',
          tests: [{ accepted_values: ['new', 'won', 'lost'] }],
        },
        { name: 'account_id', type: 'INT64', tests: [{ relationships: { to: 'crm_accounts', field: 'id' } }] },
        { name: 'owner_id', type: 'INT64' },
        { name: 'code', type: 'STRING', tests: ['unique'] },
        { name: 'tier', type: 'STRING', tests: [{ accepted_values: ['a', 'b'] }] },
        { name: 'score', type: 'INT64' },
      ]);
      expect(warn.mock.calls.map(([line]) => line)).toEqual([
        'spec:table: leads.sql: column score: a CHECK other than "score IN (\'a\', ...)" is not carried over; add it as an expression test',
        'spec:table: owner_id REFERENCES users(id): no relationships test written, since crm_users.id is not in the catalog; onboard users first, or add the test by hand.',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses an array or a struct by name, since a spec column holds one value', async () => {
    const tree = workspace();
    tree.write('leads.sql', 'CREATE TABLE leads (lead_id BIGINT, tags TEXT[]);');
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'leads.sql', dialect: 'postgresql' })).rejects.toMatchObject({
      code: 'invalid-option',
      message: expect.stringMatching(/^leads\.sql: column tags: an ARRAY has no type in a Specline spec .* Declare the column JSON/),
    });
  });

  it('takes a DDL file and a CSV of its rows together: the DDL types the columns, the CSV becomes the seed', async () => {
    const tree = workspace();
    tree.write(
      'leads.sql',
      'CREATE TABLE leads (lead_id INT64 NOT NULL, code STRING, seen_at TIMESTAMP, PRIMARY KEY (lead_id) NOT ENFORCED);',
    );
    tree.write('leads.csv', 'lead_id,code,seen_at\n1,007,2024-01-01 10:00:00\n');
    await tableGenerator(tree, { system: 'crm', table: 'leads', ddl: 'leads.sql', csv: 'leads.csv' });
    const source = parse(tree.read('specs/sources/crm/leads.yaml', 'utf-8') as string);
    expect(source.seed).toBe('leads.csv');
    expect(source.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'lead_id:INT64',
      'code:STRING',
      'seen_at:TIMESTAMP',
    ]);
    expect(tree.read('specs/sources/crm/leads.csv', 'utf-8')).toBe('lead_id,code,seen_at\n1,007,2024-01-01 10:00:00\n');
    tree.write('other.csv', 'id,code\n1,x\n');
    await expect(tableGenerator(tree, { system: 'crm', table: 'leads2', ddl: 'leads.sql', csv: 'other.csv' })).rejects.toMatchObject({
      code: 'invalid-option',
      message: expect.stringContaining('has the columns id, code, but the DDL declares lead_id, code, seen_at'),
    });
  });
});
