import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../src/diagnostics';
import { IMPORT_EFFECTS } from '../src/importers';
import { WORKSPACE_ROOT } from './example-catalog';

/**
 * The user docs name targets, generators, options, diagnostic codes and import effects; each
 * must exist in the code, and each that exists must be documented. A rename or removal in
 * the code fails here until the docs say the same.
 */
const PACKAGE = path.join(WORKSPACE_ROOT, 'packages/specline');
const read = (file: string) => readFileSync(path.join(WORKSPACE_ROOT, file), 'utf8');
const json = (file: string) => JSON.parse(readFileSync(path.join(PACKAGE, file), 'utf8'));
const SPEC_REFERENCE = read('docs/spec-reference.md');
const GENERATORS_DOC = read('docs/generators.md');
const GENERATORS: Record<string, { schema: string }> = json('generators.json').generators;
const EXECUTORS: Record<string, unknown> = json('executors.json').executors;

/** The text of a markdown section, from its heading to the next heading of the same level outside a fenced block. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const level = `${heading.split(' ')[0]} `;
  let fenced = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith(level)) break;
    body.push(line);
  }
  return body.join('\n');
}

describe('the docs match the code', () => {
  it("spec-reference.md's status box names exactly the targets and generators that exist", () => {
    const status = /> \*\*Status\.\*\*[\s\S]*?\n(?!>)/.exec(SPEC_REFERENCE)![0];
    const named = [...status.matchAll(/`([a-z:-]+)`/g)].map((m) => m[1]);
    expect(named.filter((n) => !n.startsWith('spec:')).sort()).toEqual(Object.keys(EXECUTORS).sort());
    expect(named.filter((n) => n.startsWith('spec:')).sort()).toEqual(
      Object.keys(GENERATORS)
        .map((g) => `spec:${g}`)
        .sort(),
    );
    expect(status).not.toMatch(/planned|not yet|no code/i);
  });

  it("spec-reference.md's codes table lists every diagnostic code, and only those", () => {
    const table = section(SPEC_REFERENCE, '## 13. Diagnostic codes');
    const documented = [...table.matchAll(/^\| ([A-Z]+\d{3}) \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });

  it.each(Object.keys(GENERATORS))('generators.md documents every option of spec:%s, and only those', (name) => {
    const text = section(GENERATORS_DOC, `## \`spec:${name}\``);
    const schema = json(GENERATORS[name].schema.replace('./dist/', 'src/'));
    const nxOwn = ['dry-run', 'no-interactive', 'verbose'];
    const documented = [...new Set([...text.matchAll(/--([a-zA-Z][a-zA-Z-]*)/g)].map((m) => m[1]))].filter((o) => !nxOwn.includes(o));
    const options = Object.keys(schema.properties);
    expect(documented.filter((o) => !options.includes(o))).toEqual([]);
    expect(options.filter((o) => !documented.includes(o) && !text.includes(`\`${o}\``))).toEqual([]);
  });

  it("generators.md's spec:import effects are the ones the importer reports", () => {
    const text = section(GENERATORS_DOC, '## `spec:import`');
    const table = /\| effect \| meaning \|\n\|---\|---\|\n((?:\|.*\n)+)/.exec(text)![1];
    expect([...table.matchAll(/^\| `([a-z]+)` \|/gm)].map((m) => m[1])).toEqual([...IMPORT_EFFECTS]);
  });
});
