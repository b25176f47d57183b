import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_NAME } from '../shared/specs-dir';

/**
 * The plugin's own version, from the nearest package.json above this file that is ours. A
 * walk rather than a fixed `../../..`, so it holds for the TypeScript sources and for a
 * compiled copy at another depth alike.
 */
export function ownVersion(from: string = __dirname): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf-8')) as { name?: unknown; version?: unknown };
        if (manifest.name === PLUGIN_NAME) return typeof manifest.version === 'string' ? manifest.version : undefined;
      } catch {
        // Not ours if it does not parse; keep walking.
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
