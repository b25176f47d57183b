import { sqlLineComment } from './sql-comment';

describe('SQL line comments', () => {
  it.each(['x\nDROP TABLE raw.crm_customers;', 'x\rDROP', 'x\u2028DROP', 'x\u0085DROP', 'x\u0000y'])('keep %j on one line', (text) => {
    const comment = sqlLineComment(text);
    expect(comment.startsWith('-- ')).toBe(true);
    expect(comment).not.toMatch(/[\r\n\u0085\u2028\u2029\u0000]/);
  });
});
