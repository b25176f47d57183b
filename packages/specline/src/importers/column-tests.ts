import { importPlaceholder } from '../catalog';
import type { ImportNote } from './imported-model';
import { isPlaceholder } from './placeholder';

/** Splits at separators outside brackets and quotes: `not_null, accepted_values('a','b')`. */
export function splitTopLevel(text: string, separators: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (!quote && depth === 0 && separators.includes(ch)) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}

const unquote = (value: string): string => value.replace(/^'(.*)'$/s, '$1').replace(/^"(.*)"$/s, '$1');

/** `['a','b']`, `'a', 'b'` or `a, b` to the values; numbers and booleans as written stay text. */
function acceptedValues(argument: string): string[] {
  const inner = argument.trim().replace(/^values\s*[:=]\s*/i, '');
  const list = /^\[(.*)\]$/s.exec(inner)?.[1] ?? inner;
  return splitTopLevel(list, ',').map(unquote);
}

/** `dim_customer.customer_id`, `to=dim_customer, field=customer_id`, `ref('dim_customer'), customer_id`. */
function relationship(argument: string): { to: string; field: string } | undefined {
  const dotted = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$/.exec(argument.trim());
  if (dotted) return { to: dotted[1], field: dotted[2] };
  const named = Object.fromEntries(
    splitTopLevel(argument, ',').map((part) => {
      const [key, ...rest] = part.split(/[:=]/);
      return [key.trim(), rest.join('=').trim()];
    }),
  );
  const to = /^(?:ref\(\s*)?['"]?([a-z][a-z0-9_]*)['"]?\s*\)?$/.exec(named['to'] ?? '')?.[1];
  const field = /^['"]?([a-z][a-z0-9_]*)['"]?$/.exec(named['field'] ?? '')?.[1];
  return to && field ? { to, field } : undefined;
}

/**
 * Column tests as written in a cell or a JSON array: not_null, unique,
 * accepted_values(['a','b']), relationships(dataset.field), expression(sql); also the
 * spec's own object forms. A test whose argument is a placeholder becomes an expression
 * test holding a TODO, which fails validation, never a test on the literal text.
 */
export function parseColumnTests(value: unknown, origin: string, notes: ImportNote[]): unknown[] {
  const written: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? splitTopLevel(value, ',;') : [];
  if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value))
    notes.push({ origin, effect: 'unmapped', text: JSON.stringify(value), reason: 'tests must be a list' });
  const tests: unknown[] = [];
  for (const item of written) {
    if (item !== null && typeof item === 'object') {
      tests.push(item);
      continue;
    }
    const text = String(item).trim();
    if (!text || isPlaceholder(text)) {
      if (text) notes.push({ origin, effect: 'unmapped', text, reason: 'a placeholder where a test belongs; no test written' });
      continue;
    }
    const call = /^([a-z_]+)\s*(?:\((.*)\))?$/is.exec(text);
    const kind = call?.[1].toLowerCase() ?? '';
    const argument = call?.[2];
    const todo = () => {
      tests.push({ expression: importPlaceholder(text) });
      notes.push({ origin, effect: 'todo', text, reason: `the ${kind} test's values are a placeholder; a TODO expression test stands in` });
    };
    if ((kind === 'not_null' || kind === 'unique') && !argument?.trim()) tests.push(kind);
    else if (argument !== undefined && isPlaceholder(argument.replace(/^\[(.*)\]$/s, '$1').trim() || '...')) todo();
    else if (kind === 'accepted_values' && argument) {
      const values = acceptedValues(argument);
      if (values.some(isPlaceholder)) todo();
      else tests.push({ accepted_values: values });
    } else if (kind === 'relationships' && argument && relationship(argument)) tests.push({ relationships: relationship(argument) });
    else if (kind === 'expression' && argument) tests.push({ expression: argument.trim() });
    else
      notes.push({
        origin,
        effect: 'unmapped',
        text,
        reason: 'not a known test: not_null, unique, accepted_values(...), relationships(dataset.field) or expression(...)',
      });
  }
  return tests;
}
