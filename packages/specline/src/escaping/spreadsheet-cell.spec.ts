import { spreadsheetCell } from './spreadsheet-cell';

describe('spreadsheet cells', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])('%j is prefixed with a quote', (text) => {
    expect(spreadsheetCell(text)).toBe(`'${text}`);
  });

  it('leaves other text as it is', () => {
    expect(spreadsheetCell('customer_id')).toBe('customer_id');
    expect(spreadsheetCell('a = b')).toBe('a = b');
  });
});
