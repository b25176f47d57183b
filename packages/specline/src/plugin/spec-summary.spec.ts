import { summarizeSpec } from './spec-summary';

describe('summarizeSpec fingerprints', () => {
  it('fall back to the text for an alias bomb instead of walking a billion aliased values', () => {
    const levels = 'bcdefghi'.split('').map((name, i) => {
      const previous = String.fromCharCode(97 + i);
      return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`;
    });
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...levels, 'kind: model', 'name: boom'].join('\n');
    // 9^9 values if walked (the test would time out); the budget stops it after a million.
    const summary = summarizeSpec('specs/models/boom.yaml', bomb);
    expect(summary.behaviour).toMatch(/^[0-9a-f]{16}$/);
    expect(summarizeSpec('specs/models/boom.yaml', `${bomb}\n# edited`).behaviour).not.toBe(summary.behaviour);
  });

  it('key the behaviour on everything but prose', () => {
    const spec = (description: string, from: string, type: string) =>
      `kind: model\nname: m\ndescription: ${description}\ncolumns:\n  - { name: id, type: ${type}, from: ${from}, description: ${description} }\n`;
    const base = summarizeSpec('specs/m.yaml', spec('One.', 'c.id', 'INT64'));
    const prose = summarizeSpec('specs/m.yaml', spec('Two.', 'c.id', 'INT64'));
    const logic = summarizeSpec('specs/m.yaml', spec('One.', 'c.other_id', 'INT64'));
    const type = summarizeSpec('specs/m.yaml', spec('One.', 'c.id', 'STRING'));
    expect(prose.behaviour).toBe(base.behaviour);
    expect(logic.behaviour).not.toBe(base.behaviour);
    expect(type.behaviour).not.toBe(base.behaviour);
  });
});
