import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { summarizeSpec, type SpecSummary } from './spec-summary';

/** Bump when SpecSummary changes shape, so stale caches are ignored. */
const CACHE_VERSION = 7;

/**
 * Spec summaries keyed by the hash of the file's content, persisted in Nx's workspace data
 * directory. Graph computations re-read files (cheap) but re-parse only changed ones.
 */
export class SummaryCache {
  private readonly entries: Map<string, SpecSummary>;
  private readonly used = new Map<string, SpecSummary>();
  private changed = false;

  constructor(private readonly cacheFile: string) {
    this.entries = readCache(cacheFile);
  }

  summarize(file: string, text: string): SpecSummary {
    const key = createHash('sha256').update(file).update('\0').update(text).digest('hex');
    let summary = this.entries.get(key);
    if (!summary) {
      summary = summarizeSpec(file, text);
      this.entries.set(key, summary);
      this.changed = true;
    }
    this.used.set(key, summary);
    return summary;
  }

  /** Writes only the entries used this time, so the cache never grows without bound. */
  save(): void {
    if (!this.changed && this.used.size === this.entries.size) return;
    try {
      mkdirSync(path.dirname(this.cacheFile), { recursive: true });
      const temporary = `${this.cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(this.used) }));
      renameSync(temporary, this.cacheFile);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}

function readCache(cacheFile: string): Map<string, SpecSummary> {
  if (!existsSync(cacheFile)) return new Map();
  try {
    const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: number; entries?: Record<string, SpecSummary> };
    return parsed.version === CACHE_VERSION && parsed.entries ? new Map(Object.entries(parsed.entries)) : new Map();
  } catch {
    return new Map();
  }
}
