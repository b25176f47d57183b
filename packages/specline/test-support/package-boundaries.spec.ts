import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * What ships is dist/, compiled from src/ without its tests. So product code must not reach
 * into test-support/ or e2e/ (they are not in the package), and every package it imports must
 * be one the published package.json makes the user install.
 */
const PACKAGE = path.resolve(__dirname, '..');
const SRC = path.join(PACKAGE, 'src');

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+'([^']+)'/g,
    /\bimport\s+'([^']+)'/g,
    /\bimport\(\s*'([^']+)'\s*\)/g,
    /\brequire(?:\.resolve)?\(\s*'([^']+)'\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

describe('the package boundary', () => {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  // The package's own name appears in the runtime input that hashes its installed version.
  const installed = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const files = productFiles(SRC);

  it('finds the product sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('product code imports nothing from test-support/ or e2e/', () => {
    const offenders = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => path.relative(PACKAGE, path.resolve(path.dirname(file), s)))
        .filter((target) => !target.startsWith('src' + path.sep))
        .map((target) => `${path.relative(PACKAGE, file)} -> ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every package product code imports is a dependency or peer dependency of the published package', () => {
    const builtins = new Set(builtinModules);
    const missing = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s))
        .map(packageName)
        .filter((name) => !installed.has(name))
        .map((name) => `${path.relative(PACKAGE, file)} imports ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('ships only the build, the schemas and the Nx manifests', () => {
    expect([...manifest.files].sort()).toEqual(['README.md', 'dist', 'executors.json', 'generators.json', 'schemas']);
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.dependencies).not.toHaveProperty('@nx/devkit');
  });
});
