import { countCaptureGroups } from './regex-capture-groups';

describe('countCaptureGroups', () => {
  it.each([
    ['\\d+', 0],
    ['@(.+)$', 1],
    ['(a)(b)', 2],
    ['(?:a)(b)', 1],
    ['(?i)abc', 0],
    ['(?P<user>[^@]+)@', 1],
    ['\\(\\d{3}\\)', 0],
    ['[(]x[)]', 0],
    ['[]()]', 0],
    ['[^]()](y)', 1],
  ])('%s has %d', (pattern, groups) => {
    expect(countCaptureGroups(pattern)).toBe(groups);
  });
});
