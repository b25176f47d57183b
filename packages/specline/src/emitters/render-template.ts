import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { Escaped } from '../escaping';

const TEMPLATES_DIR = path.join(__dirname, 'templates');
const compiled = new Map<string, HandlebarsTemplateDelegate>();

// Generated code, not HTML: Handlebars' HTML escaping is off, and a missing field is a bug,
// not an empty string. Escaping is the caller's job, per output language (see ../escaping).
const handlebars = Handlebars.create();

/** What a template may interpolate: escaped text, numbers and booleans, and lists or records of them. */
export type TemplateValue = Escaped | number | boolean | undefined | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

/** Renders templates/<name>.hbs; output always ends with exactly one newline. */
export function renderTemplate(name: string, context: { readonly [key: string]: TemplateValue }): string {
  const raw = findRawText(context, '');
  // A raw string here is a spec value about to be pasted into code: fail loudly, in tests first.
  if (raw !== undefined) throw new Error(`Template ${name}: context field ${raw} is raw text; pass it through an escaping function.`);
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(readFileSync(path.join(TEMPLATES_DIR, `${name}.hbs`), 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return `${template(context).trimEnd()}\n`;
}

/** The path of the first value that is neither escaped text nor a number, boolean or undefined. */
function findRawText(value: unknown, at: string): string | undefined {
  if (value === undefined || value instanceof Escaped || typeof value === 'number' || typeof value === 'boolean') return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findRawText(item, `${at}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findRawText(item, at ? `${at}.${key}` : key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return at || '(root)';
}
