import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findSpecFiles } from '../find-spec-files';
import { parseSpecText } from '../read';
import Ajv from 'ajv';
import { readSchema, SPEC_SCHEMA_OPTIONS } from './compiled-schemas';
import { COMMON_SCHEMA_FILE, SCHEMA_FILES } from './schemas';
import { validateSchema } from './validate-schema';

const WORKSPACE = path.resolve(__dirname, '../../../../..');

function check(text: string) {
  const parsed = parseSpecText('specs/x.yaml', text, 'yaml');
  if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
  return validateSchema(parsed.doc);
}

describe('validateSchema', () => {
  it('suggests the field the author meant for an unknown field', () => {
    const result = check('kind: source\nname: a\nsystem: crm\ndescripton: typo\ncolumns:\n  - { name: id, type: INT64 }\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'SCHEMA002', pointer: '/descripton', location: { line: 4, column: 1 } });
    expect(result.diagnostics[0].hint).toMatch(/^Did you mean "description"\?/);
  });

  it('reports the one branch of a column test the author meant', () => {
    const result = check(
      'kind: source\nname: a\nsystem: crm\ncolumns:\n  - name: id\n    type: INT64\n    tests: [{ accepted_value: [1] }]\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SCHEMA005']);
    expect(result.diagnostics[0].hint).toMatch(/Did you mean "accepted_values"/);
  });

  it('accepts every example spec, and each names a $schema that exists for its kind', async () => {
    const { files } = await findSpecFiles(WORKSPACE, 'specs');
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const text = readFileSync(path.join(WORKSPACE, file), 'utf8');
      const result = check(text);
      expect([file, result.ok]).toEqual([file, true]);
      const schemaRef = /^\$schema: (.+)$/m.exec(text)?.[1];
      const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
      expect(modeline).toBe(schemaRef);
      const kind = /^kind: (\w+)$/m.exec(text)![1] as keyof typeof SCHEMA_FILES;
      const target = path.resolve(path.dirname(path.join(WORKSPACE, file)), schemaRef!);
      expect(path.basename(target)).toBe(SCHEMA_FILES[kind]);
      expect(existsSync(target)).toBe(true);
    }
  });

  it('ships schemas that are valid draft-07, the check the run-time compile leaves out', () => {
    const ajv = new Ajv({ ...SPEC_SCHEMA_OPTIONS, validateSchema: true });
    expect(ajv.validateSchema({ type: 'objekt' })).toBe(false);
    for (const file of [COMMON_SCHEMA_FILE, ...Object.values(SCHEMA_FILES)]) {
      const valid = ajv.validateSchema(readSchema(file));
      expect([file, valid, ajv.errors ?? null]).toEqual([file, true, null]);
    }
  });
});
