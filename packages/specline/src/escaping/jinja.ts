/**
 * Jinja, as dbt renders it: every .sql file and every description and test argument in its
 * YAML goes through Jinja before anything else. https://docs.getdbt.com/docs/build/jinja-macros
 */

/**
 * Text that Jinja renders back to itself: each `{` that would open a marker is written as the
 * expression {{ '{' }}, which renders a literal brace. Text without markers is unchanged.
 */
export function jinjaInertText(text: string): string {
  return text.replace(/\{(?=[{%#])/g, "{{ '{' }}");
}

/** A Jinja (Python-syntax) string literal inside {{ config(...) }}. Jinja strings take these backslash escapes. */
function jinjaString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A value written as a Jinja literal inside dbt's config(): 'text', ['a', 'b'], {'k': 'v'}, True. */
export function jinjaLiteral(value: unknown): string {
  if (typeof value === 'string') return jinjaString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(jinjaLiteral).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${jinjaLiteral(key)}: ${jinjaLiteral(item)}`)
      .join(', ')}}`;
  return 'None';
}

/** config(key=value, …) arguments, one per line, skipping undefined values. */
export function jinjaArguments(config: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(config)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${jinjaLiteral(value)}`);
}
