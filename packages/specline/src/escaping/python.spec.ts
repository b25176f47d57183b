import { execFileSync } from 'node:child_process';
import { pythonDocstring, pythonStringLiteral, pythonTripleQuoted } from './python';

const HOSTILE = [
  '"',
  "'",
  '"""',
  '""""',
  'end\\',
  '\\N{BULLET}',
  'a\nb',
  'nul\u0000x',
  'sep\u2028x',
  '"""\nimport os\nos.system("id")\n"""',
  '\\"""',
];

/** What Python makes of each module `VALUE = <literal>`: its statement count and the value (one python3 run for all). */
function evaluate(literals: readonly string[]): { statements: number; value: string }[] {
  const script = [
    'import ast, json, sys',
    'out = []',
    'for source in json.load(sys.stdin):',
    '    tree = ast.parse(source)',
    '    out.append({"statements": len(tree.body), "value": ast.literal_eval(tree.body[0].value)})',
    'print(json.dumps(out))',
  ].join('\n');
  const input = JSON.stringify(literals.map((literal) => `VALUE = ${literal}\n`));
  return JSON.parse(execFileSync('python3', ['-c', script], { input }).toString()) as { statements: number; value: string }[];
}

describe('Python literals, read back by Python', () => {
  it('a one-line literal holds each hostile value exactly', () => {
    expect(evaluate(HOSTILE.map(pythonStringLiteral))).toEqual(HOSTILE.map((value) => ({ statements: 1, value })));
  });

  it('a triple-quoted literal holds each hostile value exactly, between line breaks', () => {
    expect(evaluate(HOSTILE.map(pythonTripleQuoted))).toEqual(HOSTILE.map((text) => ({ statements: 1, value: `\n${text}\n` })));
  });

  it('a docstring holds each hostile value and ends on its own line', () => {
    expect(evaluate(HOSTILE.map(pythonDocstring))).toEqual(HOSTILE.map((text) => ({ statements: 1, value: `${text}\n` })));
  });

  it('leaves ordinary text as written', () => {
    expect(pythonDocstring('Orders, "cleaned" once.')).toBe('"""Orders, "cleaned" once.\n"""');
  });
});
