import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from './example-catalog';

/** A scratch copy of the example specs with one file edited; removed by the returned cleanup. */
export function scratchSpecs(file: string, edit: (text: string) => string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specline-scratch-'));
  cpSync(path.join(WORKSPACE_ROOT, 'specs'), path.join(root, 'specs'), { recursive: true });
  const target = path.join(root, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`scratchSpecs: the edit changed nothing in ${file}`);
  writeFileSync(target, after);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
