import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSpecsFolder } from './index';

/**
 * The bad-input corpus: malformed, contradictory and hostile specs. Each case must give
 * its own diagnostic code at the right file, line and column, and never a crash or a hang.
 */
const CONSTITUTION = `kind: constitution
name: corpus
dialect: bigquery
layers:
  staging: { pattern: "^stg_[a-z0-9_]+$" }
  marts: { pattern: "^(dim|fact)_[a-z0-9_]+$" }
rules:
  primary_key_tests: true
pii:
  detect: ["email"]
  allowed_layers: [staging]
  masking_functions: [SHA256]
`;
const SOURCE = `kind: source
name: customers
system: crm
primary_key: [customer_id]
columns:
  - name: customer_id
    type: INT64
    tests: [not_null, unique]
  - name: email
    type: STRING
    pii: true
  - name: status
    type: STRING
`;
const model = (overrides: { columns?: string; sources?: string; extra?: string; name?: string; layer?: string } = {}) => `kind: model
name: ${overrides.name ?? 'stg_customers'}
layer: ${overrides.layer ?? 'staging'}
sources:
${overrides.sources ?? '  - ref: crm_customers\n    alias: c'}
columns:
${overrides.columns ?? '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]'}
${overrides.extra ?? ''}`;

interface Case {
  readonly name: string;
  readonly files: Record<string, string | Buffer>;
  readonly code: string;
  readonly at: string; // file:line:column
}

const MODEL_FILE = 'specs/models/stg_customers.yaml';
const cases: Case[] = [
  { name: 'broken YAML', files: { [MODEL_FILE]: 'kind: model\nname: [unclosed\n' }, code: 'PARSE001', at: `${MODEL_FILE}:3:1` },
  {
    name: 'broken JSON',
    files: { 'specs/models/stg_customers.json': '{\n  "kind": "model",\n  "name": "stg_x",\n}\n' },
    code: 'PARSE002',
    at: 'specs/models/stg_customers.json:4:1',
  },
  {
    name: 'YAML alias bomb',
    files: {
      [MODEL_FILE]:
        [
          'a: &a ["x","x","x","x","x","x","x","x","x"]',
          ...'bcdefghi'
            .split('')
            .map(
              (c, i) =>
                `${c}: &${c} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
            ),
        ].join('\n') + '\nkind: model\n',
    },
    code: 'PARSE003',
    at: `${MODEL_FILE}:1:1`,
  },
  {
    name: '__proto__ key',
    files: { [MODEL_FILE]: model({ extra: '__proto__:\n  polluted: true' }) },
    code: 'SCHEMA008',
    at: `${MODEL_FILE}:12:1`,
  },
  {
    name: 'constructor key in a column',
    files: { [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    constructor: 1' }) },
    code: 'SCHEMA008',
    at: `${MODEL_FILE}:11:5`,
  },
  {
    name: 'unknown top-level field with a did-you-mean',
    files: { [MODEL_FILE]: model({ extra: 'descripton: typo' }) },
    code: 'SCHEMA002',
    at: `${MODEL_FILE}:12:1`,
  },
  {
    name: 'unknown column field',
    files: { [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    form: c.customer_id' }) },
    code: 'SCHEMA002',
    at: `${MODEL_FILE}:10:5`,
  },
  { name: 'missing kind', files: { [MODEL_FILE]: 'name: stg_x\n' }, code: 'SCHEMA001', at: `${MODEL_FILE}:1:1` },
  { name: 'unknown kind', files: { [MODEL_FILE]: 'kind: modle\nname: x\n' }, code: 'SCHEMA001', at: `${MODEL_FILE}:1:7` },
  {
    name: 'missing required field',
    files: { [MODEL_FILE]: 'kind: model\nname: stg_x\nlayer: staging\ncolumns:\n  - { name: a, type: INT64, transform: "1" }\n' },
    code: 'SCHEMA003',
    at: `${MODEL_FILE}:1:1`,
  },
  {
    name: 'wrong value type',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    nullable: "no"\n    tests: [not_null, unique]',
      }),
    },
    code: 'SCHEMA004',
    at: `${MODEL_FILE}:11:15`,
  },
  {
    name: 'value not in enum',
    files: { [MODEL_FILE]: model({ extra: 'load:\n  strategy: scd3' }) },
    code: 'SCHEMA005',
    at: `${MODEL_FILE}:13:13`,
  },
  {
    name: 'misspelled column test',
    files: {
      [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_nul, unique]' }),
    },
    code: 'SCHEMA005',
    at: `${MODEL_FILE}:11:13`,
  },
  { name: 'a name holding ../', files: { [MODEL_FILE]: model({ name: '../../etc/passwd' }) }, code: 'SCHEMA006', at: `${MODEL_FILE}:2:7` },
  { name: 'empty file', files: { [MODEL_FILE]: '' }, code: 'FILE003', at: `${MODEL_FILE}:1:1` },
  { name: 'comments-only file', files: { [MODEL_FILE]: '# nothing here\n' }, code: 'FILE003', at: `${MODEL_FILE}:1:1` },
  {
    name: '10 MB file',
    files: { [MODEL_FILE]: `kind: model\n# ${'x'.repeat(10 * 1024 * 1024)}\n` },
    code: 'FILE002',
    at: `${MODEL_FILE}:1:1`,
  },
  { name: 'two YAML documents', files: { [MODEL_FILE]: `${model()}\n---\nkind: model\n` }, code: 'PARSE004', at: `${MODEL_FILE}:13:1` },
  { name: 'duplicate key', files: { [MODEL_FILE]: `kind: model\nname: a\nname: b\n` }, code: 'PARSE005', at: `${MODEL_FILE}:3:1` },
  { name: 'document is a list', files: { [MODEL_FILE]: '- kind: model\n' }, code: 'PARSE006', at: `${MODEL_FILE}:1:1` },
  {
    name: 'runaway nesting',
    files: { [MODEL_FILE]: `kind: model\nx: ${'['.repeat(80)}${']'.repeat(80)}\n` },
    code: 'PARSE007',
    at: `${MODEL_FILE}:2:67`,
  },
  {
    name: 'dangling input reference',
    files: { [MODEL_FILE]: model({ sources: '  - ref: crm_customer\n    alias: c' }) },
    code: 'REF001',
    at: `${MODEL_FILE}:5:10`,
  },
  {
    name: 'unknown alias in from',
    files: {
      [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    from: x.customer_id\n    tests: [not_null, unique]' }),
    },
    code: 'REF002',
    at: `${MODEL_FILE}:10:11`,
  },
  {
    name: 'unknown column in from',
    files: {
      [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_key\n    tests: [not_null, unique]' }),
    },
    code: 'REF003',
    at: `${MODEL_FILE}:10:11`,
  },
  {
    name: 'unknown glossary term',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    glossary: klant\n    tests: [not_null, unique]',
      }),
    },
    code: 'REF004',
    at: `${MODEL_FILE}:11:15`,
  },
  {
    name: 'alias declared twice',
    files: { [MODEL_FILE]: model({ sources: '  - ref: crm_customers\n    alias: c\n  - ref: crm_customers\n    alias: c' }) },
    code: 'REF005',
    at: `${MODEL_FILE}:8:12`,
  },
  {
    name: 'primary key names no column',
    files: { [MODEL_FILE]: model({ extra: 'constraints:\n  primary_key: [customer_key]' }) },
    code: 'REF006',
    at: `${MODEL_FILE}:13:17`,
  },
  {
    name: 'relationships to an unknown dataset',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique, { relationships: { to: dim_nothing, field: id } }]',
      }),
    },
    code: 'REF007',
    at: `${MODEL_FILE}:11:54`,
  },
  {
    name: 'missing seed file',
    files: { 'specs/sources/crm/customers.yaml': `${SOURCE}seed: customers.csv\n` },
    code: 'REF008',
    at: 'specs/sources/crm/customers.yaml:14:7',
  },
  {
    name: 'unit test gives rows for an unknown alias',
    files: { [MODEL_FILE]: model({ extra: 'unit_tests:\n  - name: t\n    given: { z: [] }\n    expect: []' }) },
    code: 'REF009',
    at: `${MODEL_FILE}:14:17`,
  },
  { name: 'duplicate dataset name', files: { 'specs/models/zz_copy.yaml': model() }, code: 'NAME001', at: 'specs/models/zz_copy.yaml:2:7' },
  {
    name: 'duplicate column name',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: customer_id\n    type: INT64\n    from: c.customer_id',
      }),
    },
    code: 'NAME002',
    at: `${MODEL_FILE}:12:11`,
  },
  {
    name: 'a glossary term defined in two glossaries',
    files: {
      'specs/glossary/a.yaml': 'kind: glossary\nname: a\nterms:\n  - { name: customer, definition: A buyer. }\n',
      'specs/glossary/b.yaml': 'kind: glossary\nname: b\nterms:\n  - { name: customer, definition: Anyone. }\n',
    },
    code: 'NAME005',
    at: 'specs/glossary/a.yaml:4:5',
  },
  {
    name: 'name breaks the layer pattern',
    files: { [MODEL_FILE]: model({ name: 'customers_clean' }) },
    code: 'NAME003',
    at: `${MODEL_FILE}:2:7`,
  },
  {
    name: 'a schema DuckDB reserves for a catalog',
    files: { [MODEL_FILE]: model({ extra: 'schema: temp' }) },
    code: 'NAME006',
    at: `${MODEL_FILE}:12:9`,
  },
  {
    name: 'a description spec:import left as a TODO',
    files: { [MODEL_FILE]: model({ extra: 'description: "TODO: say what one row means"' }) },
    code: 'TODO001',
    at: `${MODEL_FILE}:12:14`,
  },
  { name: 'undeclared layer', files: { [MODEL_FILE]: model({ layer: 'bronze' }) }, code: 'NAME004', at: `${MODEL_FILE}:3:8` },
  {
    name: 'a cycle between two models',
    files: {
      'specs/models/stg_a.yaml': model({
        name: 'stg_a',
        sources: '  - ref: stg_b\n    alias: b',
        columns: '  - name: customer_id\n    type: INT64\n    from: b.customer_id\n    tests: [not_null, unique]',
      }),
      'specs/models/stg_b.yaml': model({
        name: 'stg_b',
        sources: '  - ref: stg_a\n    alias: a',
        columns: '  - name: customer_id\n    type: INT64\n    from: a.customer_id\n    tests: [not_null, unique]',
      }),
    },
    code: 'GRAPH001',
    at: 'specs/models/stg_a.yaml:5:10',
  },
  {
    name: 'a model reading itself',
    files: { [MODEL_FILE]: model({ sources: '  - ref: stg_customers\n    alias: c' }) },
    code: 'GRAPH001',
    at: `${MODEL_FILE}:5:10`,
  },
  {
    name: 'transform holding 1; DROP TABLE x',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    transform: "1; DROP TABLE x"\n    tests: [not_null, unique]',
      }),
    },
    code: 'SQL002',
    at: `${MODEL_FILE}:10:18`,
  },
  {
    name: 'dbt Jinja inside a string literal',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    transform: "CONCAT(\'{{ run_query(1) }}\', c.status)"\n    tests: [not_null, unique]',
      }),
    },
    code: 'SQL004',
    at: `${MODEL_FILE}:10:25`,
  },
  {
    name: 'Jinja in a description',
    files: { [MODEL_FILE]: model({ extra: 'description: "Totals {{ var(\'x\') }}"' }) },
    code: 'SCHEMA006',
    at: `${MODEL_FILE}:12:14`,
  },
  {
    name: 'a comment that swallows the rest',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    transform: "c.customer_id -- , secret"\n    tests: [not_null, unique]',
      }),
    },
    code: 'SQL003',
    at: `${MODEL_FILE}:10:31`,
  },
  {
    name: 'DDL as a filter',
    files: { [MODEL_FILE]: model({ sources: '  - ref: crm_customers\n    alias: c\n    filter: DROP TABLE users\n    rationale: x' }) },
    code: 'SQL004',
    at: `${MODEL_FILE}:7:13`,
  },
  {
    name: 'syntax error in a join condition',
    files: {
      [MODEL_FILE]: model({
        sources: '  - ref: crm_customers\n    alias: c\n  - ref: crm_customers\n    alias: d',
        extra: 'joins:\n  - type: left\n    alias: d\n    on: c.customer_id = = d.customer_id',
      }),
    },
    code: 'SQL001',
    at: `${MODEL_FILE}:17:25`,
  },
  {
    name: 'aggregate in a filter',
    files: { [MODEL_FILE]: model({ sources: '  - ref: crm_customers\n    alias: c\n    filter: COUNT(*) > 1\n    rationale: x' }) },
    code: 'SQL006',
    at: `${MODEL_FILE}:7:13`,
  },
  {
    name: 'a placeholder spec:import left in a transform',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: tier\n    type: STRING\n    from: c.status\n    transform: "TODO: [case statement mapping]"',
      }),
    },
    code: 'TODO001',
    at: `${MODEL_FILE}:15:16`,
  },
  {
    name: 'unknown data type',
    files: {
      [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INTEGR\n    from: c.customer_id\n    tests: [not_null, unique]' }),
    },
    code: 'TYPE001',
    at: `${MODEL_FILE}:9:11`,
  },
  {
    name: 'aggregate without group_by',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    aggregate: count\n    tests: [not_null, unique]',
      }),
    },
    code: 'MODEL001',
    at: `${MODEL_FILE}:11:16`,
  },
  {
    name: 'column neither grouped nor aggregated',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status\n    type: STRING\n    from: c.status',
        extra: 'group_by: [customer_id]',
      }),
    },
    code: 'MODEL002',
    at: `${MODEL_FILE}:12:5`,
  },
  {
    name: 'incremental without unique_key',
    files: { [MODEL_FILE]: model({ extra: 'load:\n  strategy: incremental' }) },
    code: 'MODEL003',
    at: `${MODEL_FILE}:13:3`,
  },
  {
    name: 'an incremental model that aggregates',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: n\n    type: INT64\n    from: c.status\n    aggregate: count',
        extra: 'group_by: [customer_id]\nload:\n  strategy: incremental\n  unique_key: [customer_id]',
      }),
    },
    code: 'MODEL003',
    at: `${MODEL_FILE}:18:13`,
  },
  {
    name: 'an aggregate in a where',
    files: { [MODEL_FILE]: model({ extra: 'where:\n  condition: COUNT(c.status) > 1\n  rationale: x' }) },
    code: 'SQL006',
    at: `${MODEL_FILE}:13:14`,
  },
  {
    name: 'having without group_by',
    files: { [MODEL_FILE]: model({ extra: 'having:\n  condition: customer_id > 1\n  rationale: x' }) },
    code: 'MODEL007',
    at: `${MODEL_FILE}:13:3`,
  },
  {
    name: 'having naming an input column',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: n\n    type: INT64\n    from: c.status\n    aggregate: count',
        extra: 'group_by: [customer_id]\nhaving:\n  condition: c.status IS NOT NULL\n  rationale: x',
      }),
    },
    code: 'REF002',
    at: `${MODEL_FILE}:18:14`,
  },
  {
    name: 'dedupe ordered by an unknown column',
    files: { [MODEL_FILE]: model({ extra: 'dedupe:\n  key: [customer_id]\n  order_by: [{ column: updated }]\n  rationale: x' }) },
    code: 'REF006',
    at: `${MODEL_FILE}:14:24`,
  },
  {
    name: 'dedupe on an incremental model',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status\n    type: STRING\n    from: c.status',
        extra:
          'dedupe:\n  key: [customer_id]\n  order_by: [{ column: status }]\n  rationale: x\nload:\n  strategy: incremental\n  unique_key: [customer_id]\n  cursor: customer_id',
      }),
    },
    code: 'MODEL007',
    at: `${MODEL_FILE}:16:3`,
  },
  {
    name: 'an input never joined',
    files: { [MODEL_FILE]: model({ sources: '  - ref: crm_customers\n    alias: c\n  - ref: crm_customers\n    alias: d' }) },
    code: 'MODEL004',
    at: `${MODEL_FILE}:8:12`,
  },
  {
    name: 'a partition column that is not a date or time',
    files: { [MODEL_FILE]: model({ extra: 'constraints:\n  partition_by: { column: customer_id }' }) },
    code: 'MODEL006',
    at: `${MODEL_FILE}:13:27`,
  },
  {
    name: 'a column with neither from nor transform',
    files: { [MODEL_FILE]: model({ columns: '  - name: customer_id\n    type: INT64\n    tests: [not_null, unique]' }) },
    code: 'MODEL005',
    at: `${MODEL_FILE}:8:5`,
  },
  {
    name: 'missing required owner',
    files: {
      'specs/constitution.yaml': `${CONSTITUTION.replace('  primary_key_tests: true', '  primary_key_tests: true\n  required_fields: [owner]')}`,
    },
    code: 'RULE001',
    at: `${MODEL_FILE}:1:1`,
  },
  {
    name: 'untested primary key',
    files: {
      [MODEL_FILE]: model({
        columns: '  - name: customer_id\n    type: INT64\n    from: c.customer_id',
        extra: 'constraints:\n  primary_key: [customer_id]',
      }),
    },
    code: 'RULE002',
    at: `${MODEL_FILE}:8:5`,
  },
  {
    name: 'PII-looking column without a flag',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: email_address\n    type: STRING\n    transform: "\'x\'"',
      }),
    },
    code: 'RULE003',
    at: `${MODEL_FILE}:12:5`,
  },
  {
    name: 'PII in a mart',
    files: {
      'specs/models/dim_customer.yaml': model({
        name: 'dim_customer',
        layer: 'marts',
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: email\n    type: STRING\n    from: c.email\n    pii: true',
      }),
    },
    code: 'RULE004',
    at: 'specs/models/dim_customer.yaml:12:5',
  },
  {
    name: 'PII flag lost through a transform',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: email_clean\n    type: STRING\n    from: c.email\n    transform: LOWER({from})\n    pii: false',
      }),
    },
    code: 'RULE005',
    at: `${MODEL_FILE}:12:5`,
  },
  { name: 'no constitution', files: { 'specs/constitution.yaml': '' }, code: 'CONST001', at: 'specs/constitution.yaml:1:1' },
  {
    name: 'invalid regular expression in a layer pattern',
    files: { 'specs/constitution.yaml': CONSTITUTION.replace('"^stg_[a-z0-9_]+$"', '"^stg_[a-z"') },
    code: 'SCHEMA006',
    at: 'specs/constitution.yaml:5:23',
  },
  {
    name: 'a glossary term related to a term that does not exist',
    files: {
      'specs/glossary/a.yaml':
        'kind: glossary\nname: a\nterms:\n  - { name: customer, definition: A buyer., related: [order] }\n  - name: order\n    definition: A purchase.\n    related: [customer, custmer]\n',
    },
    code: 'REF004',
    at: 'specs/glossary/a.yaml:7:25',
  },
  {
    name: 'a column declared INT64 that reads a STRING column as is',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status\n    type: INT64\n    from: c.status',
      }),
    },
    code: 'TYPE002',
    at: `${MODEL_FILE}:13:11`,
  },
  {
    name: 'a join comparing an INT64 key with a STRING column',
    files: {
      [MODEL_FILE]: model({
        sources: '  - ref: crm_customers\n    alias: c\n  - ref: crm_customers\n    alias: d',
        extra: 'joins:\n  - type: left\n    alias: d\n    on: c.customer_id = d.status',
      }),
    },
    code: 'TYPE003',
    at: `${MODEL_FILE}:17:9`,
  },
  {
    name: 'a filter comparing an INT64 column with a string',
    files: {
      [MODEL_FILE]: model({ sources: "  - ref: crm_customers\n    alias: c\n    filter: c.customer_id = 'abc'\n    rationale: Only one." }),
    },
    code: 'TYPE004',
    at: `${MODEL_FILE}:7:13`,
  },
  {
    name: 'a transform comparing a STRING column with a number',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: flag\n    type: STRING\n    transform: "CASE WHEN c.status = 1 THEN \'one\' END"',
      }),
    },
    code: 'TYPE004',
    at: `${MODEL_FILE}:14:16`,
  },
  {
    name: 'a transform that yields a string into a column declared INT64',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status\n    type: INT64\n    transform: LOWER(c.status)',
      }),
    },
    code: 'TYPE005',
    at: `${MODEL_FILE}:14:16`,
  },
  // Hostile input (issue 18): values that would become code, and files that are not what they claim.
  {
    name: 'a NUL byte in a description',
    files: { [MODEL_FILE]: model({ extra: 'description: "Clean\\0 customers"' }) },
    code: 'PARSE008',
    at: `${MODEL_FILE}:12:14`,
  },
  {
    name: 'an escape character in a column name key',
    files: { [MODEL_FILE]: model({ extra: 'description: ok\n"own\\ber": x' }) },
    code: 'PARSE008',
    at: `${MODEL_FILE}:13:1`,
  },
  {
    name: 'bytes that are not UTF-8',
    files: { [MODEL_FILE]: Buffer.concat([Buffer.from(model({ extra: 'description: caf' })), Buffer.from([0xe9, 0x0a])]) },
    code: 'FILE007',
    at: `${MODEL_FILE}:12:17`,
  },
  {
    name: 'a file name holding Jinja',
    files: { 'specs/models/stg_{{ run_query(1) }}.yaml': model({ name: 'stg_other' }) },
    code: 'FILE005',
    at: 'specs/models/stg_{{ run_query(1) }}.yaml:1:1',
  },
  {
    name: 'a file name holding a line break',
    files: { 'specs/models/stg_x\nDROP TABLE raw.crm_customers;.yaml': model({ name: 'stg_other' }) },
    code: 'FILE005',
    at: 'specs/models/stg_x\nDROP TABLE raw.crm_customers;.yaml:1:1',
  },
  {
    name: 'a schedule that is Python, not cron',
    files: { [MODEL_FILE]: model({ extra: `orchestration:\n  schedule: '"""+__import__("os").system("id")+""" * * * *'` }) },
    code: 'SCHEMA006',
    at: `${MODEL_FILE}:13:13`,
  },
  {
    name: 'an owner that a spreadsheet would run as a formula',
    files: { [MODEL_FILE]: model({ extra: `owner: '=HYPERLINK("http://x.test","y")'` }) },
    code: 'SCHEMA006',
    at: `${MODEL_FILE}:12:8`,
  },
  {
    name: 'an accepted value holding Jinja',
    files: {
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: INT64\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status\n    type: STRING\n    from: c.status\n    tests:\n      - accepted_values: ["a", "{{ run_query(\'DROP TABLE raw.x\') }}"]',
      }),
    },
    code: 'SCHEMA006',
    at: `${MODEL_FILE}:16:32`,
  },
  {
    name: 'JSON arrays nested 100,000 deep',
    files: { 'specs/models/stg_customers.json': `{"kind": "model", "name": ${'['.repeat(100000)}${']'.repeat(100000)}}` },
    code: 'PARSE007',
    at: 'specs/models/stg_customers.json:1:90',
  },
  {
    name: 'YAML flow collections nested 100,000 deep',
    files: { [MODEL_FILE]: `kind: model\nname: ${'[{a: '.repeat(50000)}${'}]'.repeat(50000)}\n` },
    code: 'PARSE007',
    at: `${MODEL_FILE}:2:167`,
  },
];

describe('the bad-input corpus', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specline-corpus-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (files: Record<string, string | Buffer>) => {
    const all: Record<string, string | Buffer> = {
      'specs/constitution.yaml': CONSTITUTION,
      'specs/sources/crm/customers.yaml': SOURCE,
      [MODEL_FILE]: model(),
      ...files,
    };
    for (const [file, text] of Object.entries(all)) {
      if (text === '' && file === 'specs/constitution.yaml' && files[file] === '') continue; // the 'no constitution' case
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  };

  it('has cases of at least 30 kinds', () => {
    expect(new Set(cases.map((c) => c.code)).size).toBeGreaterThanOrEqual(30);
  });

  it('quotes {column} in an expression test on a column named after a reserved word', async () => {
    write({
      'specs/sources/erp/order.yaml':
        'kind: source\nname: order\nsystem: erp\ncolumns:\n  - name: order\n    type: INT64\n    tests: [{ expression: "{column} > 0" }]\n',
    });
    const { diagnostics, catalog } = await loadSpecsFolder(root, 'specs');
    expect(diagnostics).toEqual([]);
    const test = catalog!.datasets.get('erp_order')!.columns[0].tests[0];
    expect(test.kind === 'expression' && test.expression.text).toBe('`order` > 0');
  });

  it('reads JSON and YAML specs that start with a byte-order mark', async () => {
    write({
      [MODEL_FILE]: `\ufeff${model()}`,
      'specs/sources/crm/customers.yaml': '',
      'specs/sources/crm/customers.json': `\ufeff${JSON.stringify({
        kind: 'source',
        name: 'customers',
        system: 'crm',
        columns: [
          { name: 'customer_id', type: 'INT64' },
          { name: 'email', type: 'STRING', pii: true },
          { name: 'status', type: 'STRING' },
        ],
        primary_key: ['customer_id'],
      })}`,
    });
    rmSync(path.join(root, 'specs/sources/crm/customers.yaml'));
    const { diagnostics, catalog } = await loadSpecsFolder(root, 'specs');
    expect(diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('PARSE'))).toEqual([]);
    expect(catalog?.models.map((m) => m.name)).toEqual(['stg_customers']);
  });

  it('refuses a spec that is a symbolic link out of the specs folder, and reads one that stays inside', async () => {
    write({});
    writeFileSync(path.join(root, 'outside.yaml'), model({ name: 'stg_outside' }));
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'specs/models/stg_outside.yaml'));
    symlinkSync(path.join(root, MODEL_FILE), path.join(root, 'specs/models/stg_inside.yaml'));
    const { diagnostics } = await loadSpecsFolder(root, 'specs');
    const at = (code: string) =>
      diagnostics.filter((d) => d.code === code).map((d) => `${d.location.file}:${d.location.line}:${d.location.column}`);
    expect(at('FILE006')).toEqual(['specs/models/stg_outside.yaml:1:1']);
    // The link inside the folder is read: the same model twice.
    expect(at('NAME001').length).toBeGreaterThan(0);
  });

  it('bounds links by the specs folder itself when it is nested (specsDir: data/specs)', async () => {
    const nested = mkdtempSync(path.join(tmpdir(), 'specline-nested-'));
    try {
      mkdirSync(path.join(nested, 'data/specs/models'), { recursive: true });
      mkdirSync(path.join(nested, 'data/other'), { recursive: true });
      writeFileSync(path.join(nested, 'data/other/stg_outside.yaml'), model({ name: 'stg_outside' }));
      symlinkSync(path.join(nested, 'data/other/stg_outside.yaml'), path.join(nested, 'data/specs/models/stg_outside.yaml'));
      const { diagnostics } = await loadSpecsFolder(nested, 'data/specs');
      expect(diagnostics.filter((d) => d.code === 'FILE006').map((d) => d.location.file)).toEqual(['data/specs/models/stg_outside.yaml']);
    } finally {
      rmSync(nested, { recursive: true, force: true });
    }
  });

  it('accepts a column read as is into a type its input widens to, and a conversion written as a transform', async () => {
    write({
      [MODEL_FILE]: model({
        columns:
          '  - name: customer_id\n    type: NUMERIC(20,0)\n    from: c.customer_id\n    tests: [not_null, unique]\n  - name: status_code\n    type: INT64\n    from: c.status\n    transform: "SAFE_CAST({from} AS INT64)"',
      }),
    });
    const { diagnostics } = await loadSpecsFolder(root, 'specs');
    expect(diagnostics.filter((d) => d.code === 'TYPE002')).toEqual([]);
  });

  it('accepts the base workspace the cases start from', async () => {
    write({});
    const { diagnostics, catalog } = await loadSpecsFolder(root, 'specs');
    expect(diagnostics).toEqual([]);
    expect(catalog?.models.map((m) => m.name)).toEqual(['stg_customers']);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    write(testCase.files);
    const { diagnostics } = await loadSpecsFolder(root, 'specs');
    const found = diagnostics.filter((d) => d.code === testCase.code);
    const where = found.map((d) => `${d.location.file}:${d.location.line}:${d.location.column}`);
    expect(where).toContain(testCase.at);
    const diagnostic = found[where.indexOf(testCase.at)];
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message.length).toBeGreaterThan(10);
    expect(diagnostic.hint?.length ?? 0).toBeGreaterThan(5);
    expect(diagnostic.message).not.toMatch(/\n\s+at /); // never a stack trace
  });
});
