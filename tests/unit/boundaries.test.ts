import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]!);

const NODE_ONLY = new Set([...builtinModules, 'better-sqlite3', 'pdfkit', 'electron']);
const isNodeOnly = (specifier: string) => specifier.startsWith('node:') || NODE_ONLY.has(specifier.split('/')[0]!);

test('only electron/main and electron/preload import electron', () => {
  const offenders = ['scales', 'reports', 'exchange', 'renderer', 'electron/backend', 'electron/contract', 'cli', 'scripts']
    .flatMap(sourceFiles)
    .filter((file) => importsOf(file).some((s) => s === 'electron' || s.startsWith('electron/')));
  expect(offenders).toEqual([]);
});

test('the renderer imports no Node modules, and nothing from the backend', () => {
  const offenders = sourceFiles('renderer').flatMap((file) =>
    importsOf(file).filter((s) => isNodeOnly(s) || s.includes('electron/backend') || s.includes('electron/main')).map((s) => `${file}: ${s}`));
  expect(offenders).toEqual([]);
});

test('the import scan itself finds imports (so the checks above can fail)', () => {
  expect(importsOf('electron/backend/store/open-database.ts')).toContain('better-sqlite3');
  expect(isNodeOnly('node:fs')).toBe(true);
  expect(isNodeOnly('react')).toBe(false);
});
