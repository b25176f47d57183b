import { markdownText } from './markdown';

describe('Markdown text', () => {
  it('writes HTML as text', () => {
    expect(markdownText('<script>alert(1)</script><img src=x onerror=alert(1)> & co')).toBe(
      '&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(1)> &amp; co',
    );
  });

  it('forms no link, so no script scheme can be one', () => {
    expect(markdownText('[x](javascript:alert(1)) [y]: data:text/html,a <vbscript:x>')).toBe(
      '\\[x](javascript:alert(1)) \\[y]: data:text/html,a &lt;vbscript:x>',
    );
  });
});
