import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';

const TEMPLATES_DIR = path.join(__dirname, 'templates');
const compiled = new Map<string, HandlebarsTemplateDelegate>();

// Generated code, not HTML: nothing is escaped, and a missing field is a bug, not an empty string.
const handlebars = Handlebars.create();

/** Renders templates/<name>.hbs; output always ends with exactly one newline. */
export function renderTemplate(name: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(readFileSync(path.join(TEMPLATES_DIR, `${name}.hbs`), 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return `${template(context).trimEnd()}\n`;
}
