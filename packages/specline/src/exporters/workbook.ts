import { Workbook, type Style, type Worksheet } from 'exceljs';
import type { Catalog, Model } from '../catalog';
import { spreadsheetCell } from '../escaping';
import { allColumnsTable, dataLineageTable, everyModelTable, glossaryTable, overviewTable } from './catalog-tables';
import { FIXED_DATE, repackZip } from './deterministic-zip';
import {
  AGGREGATIONS_HEADER,
  aggregationsTable,
  COLUMN_MAPPING_HEADER,
  columnMappingTable,
  CONSTRAINTS_HEADER,
  constraintsTable,
  FILTERS_HEADER,
  filtersTable,
  JOINS_HEADER,
  joinsTable,
} from './model-tables';
import type { ReviewTable } from './review-table';
import { uniqueSheetNames } from './sheet-names';

/** Columns whose cells hold prose or SQL: wide and wrapped rather than one endless line. */
const WRAPPED = new Set(['transform', 'sql', 'description', 'definition', 'on', 'filter', 'rationale', 'value', 'tests', 'sources']);
const PII_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;

/**
 * Every cell's style is one of these shared objects, assigned whole and never changed after.
 * exceljs recognises a style object it has seen by identity; a fresh object per cell made it
 * register millions of them, and at 10,000 models the workbook took minutes and gigabytes.
 */
const HEADER_STYLE: Partial<Style> = { font: { bold: true }, fill: HEADER_FILL };
const BODY_STYLES = new Map<string, Partial<Style>>(
  [false, true].flatMap((wrapText) =>
    [false, true].map(
      (pii) => [`${wrapText}/${pii}`, { alignment: { vertical: 'top', wrapText }, ...(pii ? { fill: PII_FILL } : {}) }] as const,
    ),
  ),
);
const bodyStyle = (wrapText: boolean, pii: boolean) => BODY_STYLES.get(`${wrapText}/${pii}`)!;

/**
 * Up to this many models, each model has its own sheet. Beyond it a reviewer cannot find a
 * model among the tabs, Excel opens thousands of sheets slowly if at all, and writing them
 * took most of a 10,000-model catalog's export; so a larger catalog gets the same tables once
 * for all models instead, one sheet each with a `model` column first, filtered to one model
 * in two clicks (see the "Review documents" section of the README).
 */
export const MODEL_SHEETS_UP_TO = 100;

/** The sheets that replace the per-model sheets in a catalog of more than MODEL_SHEETS_UP_TO models. */
const EVERY_MODEL_SHEETS: readonly [string, (model: Model) => ReviewTable, readonly string[]][] = [
  ['Model Columns', columnMappingTable, COLUMN_MAPPING_HEADER],
  ['Joins', joinsTable, JOINS_HEADER],
  ['Filters', filtersTable, FILTERS_HEADER],
  ['Aggregations', aggregationsTable, AGGREGATIONS_HEADER],
  ['Constraints', constraintsTable, CONSTRAINTS_HEADER],
];

/**
 * The review workbook: Overview, one sheet per model (or, above MODEL_SHEETS_UP_TO models,
 * Model Columns, Joins, Filters, Aggregations and Constraints for all models), All Columns,
 * Data Lineage and Glossary. Every sheet starts with a bold, frozen, filterable header row.
 */
export async function toWorkbook(catalog: Catalog, modelSheetsUpTo: number = MODEL_SHEETS_UP_TO): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Specline';
  workbook.lastModifiedBy = 'Specline';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  addTableSheet(workbook, 'Overview', overviewTable(catalog));
  if (catalog.models.length <= modelSheetsUpTo) {
    const sheetNames = uniqueSheetNames(
      catalog.models.map((model) => model.name),
      ['Overview', 'All Columns', 'Data Lineage', 'Glossary'],
    );
    catalog.models.forEach((model, index) => addModelSheet(workbook, sheetNames[index], model));
  } else {
    for (const [name, tableOf, header] of EVERY_MODEL_SHEETS) addTableSheet(workbook, name, everyModelTable(catalog, tableOf, header));
  }
  addTableSheet(workbook, 'All Columns', allColumnsTable(catalog));
  addTableSheet(workbook, 'Data Lineage', dataLineageTable(catalog));
  addTableSheet(workbook, 'Glossary', glossaryTable(catalog));
  // Stored, not deflated: repackZip deflates once, so compressing here too only cost time.
  return repackZip(
    new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof workbook.xlsx.writeBuffer>[0])),
  );
}

function addTableSheet(workbook: Workbook, name: string, table: ReviewTable): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  writeTable(sheet, 1, table);
  filterHeader(sheet, table);
  fitWidths(sheet, [table]);
}

/** The column mapping first (frozen and filterable), then each further section under a title. */
function addModelSheet(workbook: Workbook, name: string, model: Model): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const mapping = columnMappingTable(model);
  let row = writeTable(sheet, 1, mapping) + 1;
  filterHeader(sheet, mapping);
  const sections: [string, ReviewTable][] = [
    ['Joins', joinsTable(model)],
    ['Filters', filtersTable(model)],
    ['Aggregations', aggregationsTable(model)],
    ['Constraints', constraintsTable(model)],
  ];
  for (const [title, table] of sections) {
    if (table.rows.length === 0) continue;
    const titleCell = sheet.getCell(row, 1);
    titleCell.value = title;
    titleCell.font = { bold: true, size: 13 };
    row = writeTable(sheet, row + 1, table) + 1;
  }
  fitWidths(sheet, [mapping, ...sections.map(([, table]) => table)]);
}

/** Writes a header row and its rows from `start`; returns the first row after the table. */
function writeTable(sheet: Worksheet, start: number, table: ReviewTable): number {
  const header = sheet.getRow(start);
  table.header.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title;
    cell.style = HEADER_STYLE;
  });
  const piiColumn = table.header.indexOf('pii');
  // The column's name: first on a model's own sheet, after the model on Model Columns.
  const nameColumn = Math.max(0, table.header.indexOf('target'));
  table.rows.forEach((values, offset) => {
    const row = sheet.getRow(start + 1 + offset);
    // Personal data is marked on the column's name and on its PII cell, so it shows when filtered.
    const personal = piiColumn >= 0 && values[piiColumn] === 'yes';
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      // A string cell, never a formula; the quote keeps it text if the sheet is saved as CSV and reopened.
      cell.value = spreadsheetCell(value);
      cell.style = bodyStyle(WRAPPED.has(table.header[index]), personal && (index === nameColumn || index === piiColumn));
    });
  });
  return start + 1 + table.rows.length;
}

function filterHeader(sheet: Worksheet, table: ReviewTable): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.header.length } };
}

/** Each column as wide as its longest cell, within 8 to 60 characters; longer text wraps in WRAPPED columns. */
function fitWidths(sheet: Worksheet, tables: readonly ReviewTable[]): void {
  const widths: number[] = [];
  for (const table of tables) {
    [table.header, ...table.rows].forEach((values) =>
      values.forEach((value, index) => {
        const longest = Math.max(...value.split('\n').map((line) => line.length));
        widths[index] = Math.max(widths[index] ?? 8, Math.min(60, longest + 2));
      }),
    );
  }
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
}
