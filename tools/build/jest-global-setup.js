// Jest's global setup: the tests that run the real `nx` CLI (the e2e test, nx graph and
// affected on a scratch workspace) load the plugin from packages/specline/dist, so it must be
// built from the current sources, once, before any test worker starts; a build inside a test
// would delete dist/ under the feet of another test running at the same time. Skipped when
// dist/ is newer than every source file.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = path.resolve(__dirname, '../../packages/specline');

// A folder's mtime changes when a file in it is added, renamed or deleted, so a deleted
// source (whose module would live on in dist/) also triggers a rebuild.
function newestSource(dir) {
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!/\.spec\.ts$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

module.exports = async function buildPluginOnce() {
  const built = path.join(PACKAGE, 'dist/index.js');
  const sources = Math.max(
    newestSource(path.join(PACKAGE, 'src')),
    ...['package.json', 'executors.json', 'generators.json', 'tsconfig.lib.json'].map((f) => fs.statSync(path.join(PACKAGE, f)).mtimeMs),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(__dirname, 'build-plugin.js')], { stdio: 'inherit' });
};
