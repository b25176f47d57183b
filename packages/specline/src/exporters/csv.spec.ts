import { toCsv } from './csv';

describe('toCsv (RFC 4180)', () => {
  it('ends every record with CRLF and quotes only fields that need it, doubling quotes', () => {
    const text = toCsv({
      header: ['a', 'b'],
      rows: [
        ['plain', 'with, comma'],
        ['say "hi"', 'two\nlines'],
      ],
    });
    expect(text).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });
});
