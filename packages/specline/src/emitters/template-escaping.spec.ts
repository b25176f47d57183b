import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { escaped } from '../escaping';
import { renderTemplate } from './render-template';

const TEMPLATES = path.join(__dirname, 'templates');

/** Every Handlebars mustache in a template, skipping \{{ (a literal brace pair for dbt's Jinja). */
function mustaches(text: string): string[] {
  return [...text.matchAll(/(?<!\\)\{\{+[^}]*\}+/g)].map((match) => match[0]);
}

/**
 * The convention: a template only interpolates context fields by plain name ({{docstring}},
 * {{this}}) and uses #each, #if and #unless for structure. It never uses a triple stash or
 * {{& }} (both skip escaping) nor a helper that could build text from raw values. What the
 * fields hold is checked when rendering: render-template refuses any value that is not
 * escaping/Escaped text, a number or a boolean.
 */
const ALLOWED = /^\{\{(?:[#/](?:each|if|unless)(?: (?:this|@?[A-Za-z]+))?|else|this|[A-Za-z]+)\}\}$/;

describe('templates', () => {
  const files = readdirSync(TEMPLATES).filter((file) => file.endsWith('.hbs'));

  it('are found', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s interpolates only named fields, never a triple stash or a helper', (file) => {
    const offending = mustaches(readFileSync(path.join(TEMPLATES, file), 'utf8')).filter((mustache) => !ALLOWED.test(mustache));
    expect(offending).toEqual([]);
  });

  it('refuse raw text in the context, however deep', () => {
    const ok = escaped('python', '"""x\n"""');
    const context = { docstring: ok, target: ok, appName: ok, constants: [], body: [] };
    expect(() => renderTemplate('pyspark-job.py', context)).not.toThrow();
    expect(() => renderTemplate('pyspark-job.py', { ...context, docstring: 'raw' as never })).toThrow(/docstring is raw text/);
    expect(() => renderTemplate('pyspark-job.py', { ...context, constants: [{ name: ok, value: 'x' as never }] })).toThrow(
      /constants\[0\]\.value is raw text/,
    );
  });
});
