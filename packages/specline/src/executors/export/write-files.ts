import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExportedFile } from '../../exporters';

export interface WriteSummary {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Makes `dir` hold exactly `files`. A file is written only when its bytes change, through a
 * temporary file and a rename, so a reader never sees half a document and an earlier good
 * one survives a crash. Files left from an earlier export that are no longer produced are
 * removed, so the folder (and Nx's cached copy of it) depends on the specs alone.
 */
export function writeFiles(dir: string, files: readonly ExportedFile[]): WriteSummary {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const unchanged: string[] = [];
  const wanted = new Set(files.map((file) => file.path));
  for (const file of files) {
    const target = path.join(dir, file.path);
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    if (sameBytes(target, bytes)) {
      unchanged.push(file.path);
      continue;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
    written.push(file.path);
  }
  const removed = readdirSync(dir).filter((name) => !wanted.has(name)).sort();
  for (const name of removed) rmSync(path.join(dir, name), { recursive: true, force: true });
  return { written, unchanged, removed };
}

function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}
