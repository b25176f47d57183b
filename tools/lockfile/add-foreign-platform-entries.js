#!/usr/bin/env node
// Why: the npm registry mirror this project is built against does not serve the native
// binaries of other platforms (darwin, win32, musl, …) that @swc/core, nx and
// unrs-resolver list as optional dependencies. npm then writes a package-lock.json without
// them, and `npm ci` rejects that lock as "out of sync". This script adds an entry for each
// missing optional platform package, marked optional with its os/cpu, so `npm ci` accepts
// the lock and skips them on this platform without fetching anything.
// Run it after any `npm install` that rewrites package-lock.json:
//   node tools/lockfile/add-foreign-platform-entries.js
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', freebsd: 'freebsd', android: 'android', openharmony: 'openharmony' };
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  s390x: 's390x',
  loong64: 'loong64',
  riscv64: 'riscv64',
};

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location === '' ? '' : `${location}/`;
    const candidates = [`${parentDir}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS[p]);
    const cpu = parts.find((p) => CPU[p]);
    if (!os || !cpu) continue; // not a platform binary: leave it to npm
    const entryOut = { version: range.replace(/^[\^~]/, ''), cpu: [cpu], os: [os], optional: true };
    if (parts.includes('musl') || parts.includes('musleabihf')) entryOut.libc = ['musl'];
    else if (parts.includes('gnu') || parts.includes('gnueabihf')) entryOut.libc = ['glibc'];
    packages[`node_modules/${name}`] = entryOut;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} foreign-platform entries to package-lock.json`);
