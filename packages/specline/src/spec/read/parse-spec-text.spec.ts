import { parseSpecText } from './parse-spec-text';

describe('parseSpecText', () => {
  it('keeps positions for every value', () => {
    const outcome = parseSpecText('specs/a.yaml', 'kind: model\nname: stg_a\ncolumns:\n  - name: id\n    type: INT64\n', 'yaml');
    if (!outcome.ok) throw new Error('expected the document to parse');
    expect(outcome.doc.positions.locate('/columns/0/type')).toEqual({ file: 'specs/a.yaml', line: 5, column: 11 });
    expect(outcome.doc.positions.locateKey('/name')).toEqual({ file: 'specs/a.yaml', line: 2, column: 1 });
  });

  it('locates a character inside a quoted string value', () => {
    const outcome = parseSpecText('a.yaml', 'transform: "LOWER(TRIM({from}))"\n', 'yaml');
    if (!outcome.ok) throw new Error('expected the document to parse');
    expect(outcome.doc.positions.locateInString('/transform', 6)).toEqual({ file: 'a.yaml', line: 1, column: 19 });
  });

  it('parses JSON with the same positions', () => {
    const outcome = parseSpecText('a.json', '{\n  "kind": "model",\n  "name": "x"\n}\n', 'json');
    if (!outcome.ok) throw new Error('expected the document to parse');
    expect(outcome.doc.data).toEqual({ kind: 'model', name: 'x' });
    expect(outcome.doc.positions.locate('/name')).toEqual({ file: 'a.json', line: 3, column: 11 });
  });
});
