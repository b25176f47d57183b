import { markdownText } from './markdown';

describe('Markdown text', () => {
  it('writes HTML as text', () => {
    expect(markdownText('<script>alert(1)</script><img src=x onerror=alert(1)> & co')).toBe(
      '&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(1)> &amp; co',
    );
  });

  it('takes the colon from script schemes so no link can run them', () => {
    expect(markdownText('[x](javascript:alert(1)) [y](JavaScript :x) [z](data:text/html,a)')).toBe(
      '[x](javascript&#58;alert(1)) [y](JavaScript &#58;x) [z](data&#58;text/html,a)',
    );
  });
});
