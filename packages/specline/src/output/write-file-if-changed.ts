import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryPath } from './temporary-file';

/**
 * Writes `content` to `file` only when its bytes differ, through a temporary file and a
 * rename: a reader never sees half a file, an earlier good output survives a crash, and an
 * unchanged file keeps its timestamp. Returns whether it wrote.
 */
export function writeFileIfChanged(file: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  try {
    if (readFileSync(file).equals(bytes)) return false;
  } catch {
    // Missing or unreadable: write it.
  }
  const temporary = temporaryPath(file);
  // A concurrent run's clean-up may remove a folder that just became empty, between our
  // mkdir and our write or rename; a few retries outlast it.
  for (let attempt = 1; ; attempt++) {
    try {
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
      return true;
    } catch (error) {
      // Creating the folder only when the write says it is missing: a codegen run writes
      // thousands of files into a few folders, and a recursive mkdir per file was an eighth of it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 5) throw error;
      mkdirSync(path.dirname(file), { recursive: true });
    }
  }
}
