import { jinjaInertText, jinjaLiteral } from './jinja';

/**
 * The one Jinja construct jinjaInertText writes is {{ '{' }}; rendering it by hand here shows
 * that the text renders back to itself and that no other marker is left to run.
 */
function renderBraces(text: string): string {
  return text.split("{{ '{' }}").join('{');
}

describe('Jinja-inert text', () => {
  it.each(["{{ run_query('DROP TABLE raw.x') }}", '{% do x %}', '{# c #}', '{{{ a }}}', 'a {b} c'])('%j renders to itself', (text) => {
    const inert = jinjaInertText(text);
    expect(renderBraces(inert)).toBe(text);
    expect(inert.split("{{ '{' }}").some((part) => /\{[{%#]/.test(part))).toBe(false);
  });

  it('leaves text without markers unchanged', () => {
    expect(jinjaInertText('Customers, {id} deduplicated')).toBe('Customers, {id} deduplicated');
  });

  it('writes strings as single-quoted literals with escapes', () => {
    expect(jinjaLiteral("it's\\\n")).toBe("'it\\'s\\\\\\n'");
  });
});
