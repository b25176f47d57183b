/** A value written as a Jinja/Python literal inside dbt's config(): 'text', ['a', 'b'], {'k': 'v'}, True. */
export function jinjaLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
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
