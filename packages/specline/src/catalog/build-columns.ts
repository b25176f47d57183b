import type { SpecDocument } from '../spec/read';
import type { ColumnTestSpec, SourceColumnSpec } from '../spec/types';
import { parseDataType, TYPE_SPELLINGS, type DataType } from './data-type';
import { didYouMean } from '../diagnostics';
import { quoteIdentifier } from '../sql';
import type { DiagnosticSink } from './diagnostic-sink';
import type { Column, ColumnTest } from './nodes';
import { parseFragment } from './sql-fragments';

/** Parses a column's type, reporting TYPE001 with a suggestion when it is unknown. */
export function resolveType(sink: DiagnosticSink, doc: SpecDocument, pointer: string, written: string): DataType {
  const type = parseDataType(written);
  if (type) return type;
  const base = written.replace(/\(.*$/, '').trim();
  sink.error(
    'TYPE001',
    doc,
    pointer,
    `"${written}" is not a known data type.`,
    `${didYouMean(base.toUpperCase(), TYPE_SPELLINGS)}Use STRING, INT64, FLOAT64, NUMERIC(p,s), BOOL, DATE, TIMESTAMP, DATETIME, TIME, BYTES or JSON.`,
  );
  return { name: 'STRING' };
}

export function buildColumnTests(
  sink: DiagnosticSink,
  doc: SpecDocument,
  pointer: string,
  column: SourceColumnSpec,
  dialect: string,
): ColumnTest[] {
  const tests: ColumnTest[] = [];
  (column.tests ?? []).forEach((test: ColumnTestSpec, i) => {
    const at = `${pointer}/tests/${i}`;
    const located = { location: doc.positions.locate(at), pointer: at };
    if (test === 'not_null' || test === 'unique') tests.push({ kind: test, ...located });
    else if ('accepted_values' in test) tests.push({ kind: 'accepted_values', values: test.accepted_values, ...located });
    else if ('relationships' in test)
      tests.push({ kind: 'relationships', to: test.relationships.to, field: test.relationships.field, ...located });
    else {
      // {column} stands for the column under test, quoted where its name is a reserved word (order).
      const expression = parseFragment(
        sink,
        doc,
        `${at}/expression`,
        test.expression.split('{column}').join(quoteIdentifier(column.name, dialect)),
        dialect,
        'filter',
      );
      if (expression) tests.push({ kind: 'expression', expression, ...located });
    }
  });
  return tests;
}

/** The part every column shares, source or model: type, nullability, documentation and tests. */
export function buildColumnBase(
  sink: DiagnosticSink,
  doc: SpecDocument,
  pointer: string,
  column: SourceColumnSpec,
  dialect: string,
): Column {
  return {
    name: column.name,
    type: resolveType(sink, doc, `${pointer}/type`, column.type),
    nullable: column.nullable ?? true,
    description: column.description,
    pii: column.pii,
    glossary: column.glossary,
    tests: buildColumnTests(sink, doc, pointer, column, dialect),
    location: doc.positions.locate(pointer),
    pointer,
  };
}

export function checkDuplicateColumns(sink: DiagnosticSink, doc: SpecDocument, columns: readonly { name: string }[]): void {
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    const first = seen.get(column.name);
    if (first === undefined) seen.set(column.name, i);
    else
      sink.error('NAME002', doc, `/columns/${i}/name`, `The column "${column.name}" is defined twice.`, 'Rename or remove one of them.', [
        doc.positions.locate(`/columns/${first}/name`),
      ]);
  });
}
