/** The languages Specline writes generated files in; each has its escaping module in this folder. */
export type OutputLanguage = 'python' | 'sql' | 'jinja' | 'sqlx' | 'yaml' | 'markdown' | 'mermaid';

/**
 * Text that an escaping function (or the SQL compiler, which builds SQL from a parsed tree)
 * produced for one output language. Templates accept nothing else: render-template refuses a
 * raw string, so a spec value cannot reach a generated file without passing through here.
 */
export class Escaped {
  constructor(
    readonly language: OutputLanguage,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

export function escaped(language: OutputLanguage, text: string): Escaped {
  return new Escaped(language, text);
}
