import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';

/** Debian's chromium package; CI installs it (.ci/run). Playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * No sandbox because CI runs as root in a container; no GPU, QUIC or background traffic so
 * a run needs no network and nothing it does depends on the machine's browser profile.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  readonly code = 'CHROMIUM_MISSING';
  constructor() {
    super(`headless-chromium: ${CHROMIUM_PATH} does not exist. Install Debian's chromium (apt-get install chromium), as .ci/run does.`);
  }
}

/**
 * Runs `use` with one page of a fresh headless Chromium (its own empty profile directory),
 * then closes the browser and deletes the profile whether `use` succeeded or threw.
 */
export async function withChromiumPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
  const profile = mkdtempSync(path.join(tmpdir(), 'specline-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
    try {
      return await use(context.pages()[0] ?? (await context.newPage()));
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
