import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { type Catalog } from '../catalog';
import { loadSpecsFolder } from '../load';
import { columnSql } from './describe';
import { toWorkbook } from './workbook';

const WORKSPACE = path.resolve(__dirname, '../../../..');
let catalog: Catalog;
let bytes: Buffer;
let workbook: Workbook;

beforeAll(async () => {
  catalog = (await loadSpecsFolder(WORKSPACE, 'specs')).catalog!;
  bytes = await toWorkbook(catalog);
  workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
});

function rowsOf(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((value) => (value === undefined || value === null ? '' : String(value)))),
  );
  return rows;
}

describe('the review workbook, read back with exceljs', () => {
  it('has Overview, one sheet per model in catalog order, All Columns, Data Lineage and Glossary', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Overview',
      ...catalog.models.map((model) => model.name),
      'All Columns',
      'Data Lineage',
      'Glossary',
    ]);
    expect(
      rowsOf(workbook.getWorksheet('Overview')!)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(catalog.models.map((model) => model.name));
  });

  it('shows every column of every model on its sheet with the SQL that computes it', () => {
    for (const model of catalog.models) {
      const rows = rowsOf(workbook.getWorksheet(model.name)!);
      expect(rows[0].slice(0, 4)).toEqual(['target', 'type', 'from', 'transform']);
      for (const column of model.columns) {
        const row = rows.find((candidate) => candidate[0] === column.name);
        expect({ model: model.name, column: column.name, transform: row?.[3] }).toEqual({
          model: model.name,
          column: column.name,
          transform: columnSql(column),
        });
      }
    }
  });

  it('lists lineage rows that match the resolved model, at table and column level', () => {
    const rows = rowsOf(workbook.getWorksheet('Data Lineage')!).slice(1);
    const expected: string[][] = [];
    for (const model of catalog.models)
      for (const ref of [...new Set(model.inputs.map((input) => input.ref))].sort()) expected.push(['table', ref, '', model.name, '']);
    for (const model of catalog.models) {
      const refOf = new Map(model.inputs.map((input) => [input.alias, input.ref]));
      for (const column of model.columns) {
        const seen = new Set<string>();
        for (const used of column.expression.parsed.columns) {
          const ref = used.table ? refOf.get(used.table) : model.inputs.length === 1 ? model.inputs[0].ref : undefined;
          if (!ref || seen.has(`${ref}.${used.name}`)) continue;
          seen.add(`${ref}.${used.name}`);
          expected.push(['column', ref, used.name, model.name, column.name]);
        }
      }
    }
    expect(rows).toEqual(expected);
    expect(rows).toContainEqual(['column', 'crm_customers', 'email', 'stg_customers', 'email']);
  });

  it('looks made for people: bold frozen filterable headers, wrapped transforms, PII marked', () => {
    const sheet = workbook.getWorksheet('stg_customers')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const emailRow = rowsOf(sheet).findIndex((row) => row[0] === 'email') + 1;
    expect(sheet.getRow(emailRow).getCell(4).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(emailRow).getCell(8).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    const idRow = rowsOf(sheet).findIndex((row) => row[0] === 'customer_id') + 1;
    expect((sheet.getRow(idRow).getCell(8).fill as { pattern?: string } | undefined)?.pattern ?? 'none').toBe('none');
    for (const index of [1, 2, 3, 4]) expect(sheet.getColumn(index).width).toBeGreaterThanOrEqual(8);
  });

  it('is byte-identical on every run, whatever the time zone', async () => {
    const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const again = await toWorkbook(catalog);
      expect(sha(again)).toBe(sha(bytes));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the review workbook of a catalog with more models than MODEL_SHEETS_UP_TO', () => {
  const UP_TO = 5;
  let many: Workbook;
  let manyBytes: Buffer;

  beforeAll(async () => {
    expect(catalog.models.length).toBeGreaterThan(UP_TO);
    manyBytes = await toWorkbook(catalog, UP_TO);
    many = new Workbook();
    await many.xlsx.load(manyBytes as unknown as ArrayBuffer);
  });

  it('has one sheet per section for all models instead of one sheet per model', () => {
    expect(many.worksheets.map((sheet) => sheet.name)).toEqual([
      'Overview',
      'Model Columns',
      'Joins',
      'Filters',
      'Aggregations',
      'Constraints',
      'All Columns',
      'Data Lineage',
      'Glossary',
    ]);
  });

  it("holds each model's own sheet, row for row, behind a model column", () => {
    const sections = ['Joins', 'Filters', 'Aggregations', 'Constraints'];
    const columns = rowsOf(many.getWorksheet('Model Columns')!);
    expect(columns[0].slice(0, 5)).toEqual(['model', 'target', 'type', 'from', 'transform']);
    for (const model of catalog.models) {
      const own = rowsOf(workbook.getWorksheet(model.name)!);
      const mapping = own.slice(1, 1 + model.columns.length);
      expect(columns.filter((row) => row[0] === model.name).map((row) => row.slice(1))).toEqual(mapping);
      // The sections under the mapping on the model's own sheet: a title row, a header, its rows.
      const rest = own.slice(1 + model.columns.length);
      for (const section of sections) {
        const at = rest.findIndex((row) => row[0] === section && row.length === 1);
        const ownRows: string[][] = [];
        if (at >= 0)
          for (let i = at + 2; i < rest.length && !(sections.includes(rest[i][0]) && rest[i].length === 1); i++) ownRows.push(rest[i]);
        const combined = rowsOf(many.getWorksheet(section)!).filter((row) => row[0] === model.name);
        expect({ model: model.name, section, rows: combined.map((row) => row.slice(1)) }).toEqual({
          model: model.name,
          section,
          rows: ownRows,
        });
      }
    }
  });

  it('marks personal data on the column name, and freezes and filters every header', () => {
    const sheet = many.getWorksheet('Model Columns')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const emailRow = rowsOf(sheet).findIndex((row) => row[0] === 'stg_customers' && row[1] === 'email') + 1;
    expect(sheet.getRow(emailRow).getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect((sheet.getRow(emailRow).getCell(1).fill as { pattern?: string } | undefined)?.pattern ?? 'none').toBe('none');
  });

  it('is byte-identical on every run', async () => {
    const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    expect(sha(await toWorkbook(catalog, UP_TO))).toBe(sha(manyBytes));
  });
});
