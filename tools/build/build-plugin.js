#!/usr/bin/env node
// Builds packages/specline the way @nx/* packages ship: compiled .js and .d.ts in dist/, plus
// the files the code reads at run time (executor and generator schemas, Handlebars templates,
// function lists, generator templates). Nx cannot build its own plugin here (nx.json loads
// the plugin before any task runs), so this is a plain script, run by `npm run build`.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = path.resolve(__dirname, '../../packages/specline');
const SRC = path.join(PACKAGE, 'src');
const DIST = path.join(PACKAGE, 'dist');

/** Run-time files: what the compiled code and Nx read beside the .js files. */
const isAsset = (file) => /\.(json|hbs|txt)$|\.d\.ts$/.test(file) || file.endsWith('__tmpl__');
const isSkipped = (name) => name === '__snapshots__' || /\.spec\./.test(name);

function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (isSkipped(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (entry.isFile() && isAsset(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

// A clean dist each time: a file deleted from src must not live on in the package.
fs.rmSync(DIST, { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(PACKAGE, 'tsconfig.lib.json')], { stdio: 'inherit' });
} catch {
  fs.rmSync(DIST, { recursive: true, force: true });
  console.error('build-plugin: the TypeScript compiler reported errors (above); dist/ was not written.');
  process.exit(1);
}
copyAssets(SRC, DIST);
console.log(`build-plugin: ${path.relative(process.cwd(), DIST) || '.'} is up to date.`);
