import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { Workbook, ValueType } from 'exceljs';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../src/catalog';
import type { GeneratedFile } from '../src/emitters/emitter';
import { toCatalogCsvs, toModelCsv, toSourceCsv } from '../src/exporters/csv-set';
import { checkMermaidFlowchart } from '../src/exporters/mermaid-syntax';
import { toModelMermaid, toSourceMermaid } from '../src/exporters/model-diagram';
import { toModelMarkdown, toSourceMarkdown } from '../src/exporters/review-page';
import { toWorkbook } from '../src/exporters/workbook';
import { dataformCompile } from './dataform-compile';
import { exampleCatalog } from './example-catalog';
import { generateAll, GOLDEN_WORKSPACE } from './golden-workspace';
import { withChromiumPage } from './browser/headless-chromium';
import { HOSTILE_TEXT, hostileWorkspace } from './hostile-workspace';

const REPO = path.resolve(__dirname, '../../..');
// marked (installed with mermaid) exports only ES modules, which Jest cannot load; its UMD build is CommonJS.
const { marked } = require(path.join(REPO, 'node_modules/marked/lib/marked.umd.js')) as {
  marked: { parse(markdown: string, options: { async: false }): string };
};

/**
 * The hostile-value corpus (issue 18): the fixture catalog with descriptions and rationales
 * that try to break out of every generated format, judged by each format's real consumer.
 * Each check compares with the same catalog's benign output: the hostile text may change
 * what a file says, never what it does.
 */
describe('hostile spec text in every generated format', () => {
  let root: string;
  let hostile: Catalog;
  let benign: Catalog;
  let files: GeneratedFile[];
  let benignFiles: GeneratedFile[];

  beforeAll(async () => {
    root = hostileWorkspace();
    hostile = await exampleCatalog(root);
    benign = await exampleCatalog(GOLDEN_WORKSPACE);
    files = generateAll(hostile);
    benignFiles = generateAll(benign);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reaches the catalog as written', () => {
    expect(hostile.models.every((model) => model.description === HOSTILE_TEXT)).toBe(true);
  });

  it('Python: every .py file has exactly the top-level statements of the benign catalog, and its docstring holds the text', () => {
    const shape = (generated: GeneratedFile[]) =>
      pythonShapes(generated.filter((file) => file.path.endsWith('.py')).map((file) => ({ name: file.path, source: file.content })));
    const hostileShapes = shape(files);
    expect(Object.keys(hostileShapes).length).toBeGreaterThan(3);
    expect(Object.fromEntries(Object.entries(hostileShapes).map(([name, s]) => [name, s.statements]))).toEqual(
      Object.fromEntries(Object.entries(shape(benignFiles)).map(([name, s]) => [name, s.statements])),
    );
    const jobs = Object.entries(hostileShapes).filter(([name]) => name.startsWith('pyspark/'));
    expect(jobs.length).toBeGreaterThan(0);
    for (const [, job] of jobs) expect(job.docstring).toContain(HOSTILE_TEXT);
  });

  it('Dataform: the real dataform compile sees the same actions as for the benign catalog, and no error', () => {
    const compiled = dataformCompile(files);
    const expected = dataformCompile(benignFiles);
    expect(compiled.graphErrors.compilationErrors ?? []).toEqual([]);
    const names = (actions: { target: { name: string } }[]) => actions.map((action) => action.target.name).sort();
    expect(names(compiled.tables)).toEqual(names(expected.tables));
    expect(names(compiled.operations)).toEqual(names(expected.operations));
    expect(names(compiled.assertions)).toEqual(names(expected.assertions));
    expect(compiled.declarations.length).toBe(expected.declarations.length);
  });

  it('dbt: Jinja renders every description in schema.yml to itself, and every model file to the same SQL as the benign one', () => {
    const descriptions = files
      .filter((file) => file.path.startsWith('dbt/') && file.path.endsWith('.yml'))
      .flatMap((file) => collectDescriptions(parseYaml(file.content)));
    expect(descriptions.length).toBeGreaterThan(10);
    expect(jinjaRender(descriptions)).toEqual(descriptions);
    const sql = (generated: GeneratedFile[]) => generated.filter((file) => /^dbt\/(models|snapshots)\/.*\.sql$/.test(file.path));
    expect(jinjaRender(sql(files).map((file) => file.content))).toEqual(jinjaRender(sql(benignFiles).map((file) => file.content)));
  });

  it('spreadsheets: exceljs reads every cell of the workbook back as text, none as a formula', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await toWorkbook(hostile)) as unknown as ArrayBuffer);
    let hostileCells = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ValueType.Formula);
          if (typeof cell.value === 'string') {
            expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
            if (cell.value.startsWith("'=HYPERLINK")) hostileCells++;
          }
        }),
      ),
    );
    expect(hostileCells).toBeGreaterThan(10);
  });

  it('CSV: no cell of any CSV file starts with a formula character', () => {
    const csvs = [
      ...toCatalogCsvs(hostile),
      ...hostile.models.map((model) => toModelCsv(model)),
      ...hostile.sources.map((source) => toSourceCsv(source)),
    ];
    const cells = csvs.flatMap((file) => parseCsv(String(file.content)).flat());
    expect(cells.filter((cell) => cell.startsWith("'=HYPERLINK")).length).toBeGreaterThan(10);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('Markdown: the review pages render to HTML without script, event handlers or javascript: links', () => {
    const pages = [...hostile.models.map(toModelMarkdown), ...hostile.sources.map(toSourceMarkdown)];
    for (const page of pages) {
      const html = marked.parse(page, { async: false });
      expect(html).toContain('&lt;/script&gt;');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/\b(href|src)\s*=\s*["']?\s*javascript:/i);
    }
  });

  it('Markdown in Chromium: the rendered review pages run no script, and no link is javascript:', async () => {
    const pages = [...hostile.models.map(toModelMarkdown), ...hostile.sources.map(toSourceMarkdown)];
    const html = pages.map((page) => `<article>${marked.parse(page, { async: false })}</article>`).join('\n');
    const verdict = await withChromiumPage(async (page) => {
      // Every payload in the corpus calls alert(): a dialog is a script that ran.
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      // The browser's own URL parser decides what a link is, obfuscations included.
      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as unknown as { protocol: string }).protocol));
      const scripts = await page.$$eval('script', (elements) => elements.length);
      return { dialogs, links, scripts };
    });
    expect(verdict.dialogs).toEqual([]);
    expect(verdict.scripts).toBe(0);
    expect(verdict.links.filter((protocol) => !['http:', 'https:', 'about:', 'file:'].includes(protocol))).toEqual([]);
  });

  it('Mermaid: every diagram passes the strict flowchart check', () => {
    const diagrams = [...hostile.models.map(toModelMermaid), ...hostile.sources.map(toSourceMermaid)];
    for (const diagram of diagrams) expect(checkMermaidFlowchart(diagram)).toEqual([]);
  });
});

/** Each Python file's top-level statement types and module docstring, from one python3 run. */
function pythonShapes(sources: { name: string; source: string }[]): Record<string, { statements: string[]; docstring: string | null }> {
  const script = [
    'import ast, json, sys',
    'out = {}',
    'for item in json.load(sys.stdin):',
    '    tree = ast.parse(item["source"], item["name"])',
    '    out[item["name"]] = {"statements": [type(node).__name__ for node in tree.body], "docstring": ast.get_docstring(tree, clean=False)}',
    'print(json.dumps(out))',
  ].join('\n');
  // Keyed by the path inside the project, so the hostile and benign sets line up.
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), maxBuffer: 64 * 1024 * 1024 }).toString());
}

/** Renders each text with Jinja2 as dbt would (stub ref, source, config, this, is_incremental; snapshot blocks unwrapped). */
function jinjaRender(texts: readonly string[]): string[] {
  const plain = texts.map((text) => text.replace(/\{% (snapshot \w+|endsnapshot) %\}/g, ''));
  const script = [
    'import json, sys',
    'from jinja2 import Environment',
    'env = Environment(extensions=["jinja2.ext.do"])',
    'stubs = {"ref": lambda *a: "REF(" + ",".join(a) + ")", "source": lambda *a: "SOURCE(" + ",".join(a) + ")",',
    '         "config": lambda **k: "", "this": "THIS", "is_incremental": lambda: True}',
    'print(json.dumps([env.from_string(t).render(**stubs) for t in json.load(sys.stdin)]))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(plain), maxBuffer: 64 * 1024 * 1024 }).toString());
}

function collectDescriptions(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectDescriptions);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      key === 'description' && typeof item === 'string' ? [item] : collectDescriptions(item),
    );
  return [];
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}
