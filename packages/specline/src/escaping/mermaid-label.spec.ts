import { mermaidLabel } from './mermaid-label';

describe('Mermaid labels', () => {
  it('escape quotes, entities, HTML and backticks, and fold line breaks', () => {
    expect(mermaidLabel('a"b#c<script>`\n\u2028d')).toBe('"a#34;b#35;c#60;script#62;#96; d"');
  });
});
