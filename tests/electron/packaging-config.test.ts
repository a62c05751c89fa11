import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The Electron binary cannot be downloaded on the build machines, so installers are built elsewhere (README).
 * Here the packaging configuration is checked by electron-builder's own validator, against its own schema, and
 * for the settings the app depends on.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const logger = { isEnabled: false, add: () => {} };
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;

describe('electron-builder configuration', () => {
  test("passes electron-builder's own schema validation", async () => {
    const { $schema: _schema, ...withoutSchemaRef } = config;
    await expect(validateConfiguration(withoutSchemaRef, logger)).resolves.toBeUndefined();
  });

  test('a misspelt or mistyped setting is refused by the same validator (the check can fail)', async () => {
    await expect(validateConfiguration({ ...config, $schema: undefined, nsiss: {} }, logger)).rejects.toThrow(/nsiss/);
    await expect(validateConfiguration({ ...config, $schema: undefined, nsis: { ...config.nsis, oneClik: false } }, logger)).rejects.toThrow(/configuration\.nsis/);
  });

  test('identity, version and targets: Windows NSIS, Linux AppImage and deb, macOS dmg', () => {
    expect(config.appId).toBe('fi.ipsfidelity.desktop');
    expect(config.productName).toBe('IPS Fidelity');
    // The version comes from package.json only: the config must not carry one of its own.
    expect(JSON.stringify(config)).not.toMatch(/"version"/);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  test('.ipsreview bundles are associated with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ipsreview', role: 'Editor' })]);
    expect(config.linux.mimeTypes).toContain(config.fileAssociations[0].mimeType);
  });

  test('better-sqlite3 is built for Electron when packaging (scripts/prepare-dist.ts), never during npm ci', () => {
    // electron-builder's own rebuild needs Node 22 in its current versions; ours reuses npm start's node-gyp step.
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'dist/native/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook], hook).toBeUndefined();
    expect(pkg.scripts.dist).toMatch(/tsx scripts\/prepare-dist\.ts && electron-builder --config electron-builder\.json/);
    const main = readFileSync(join(ROOT, 'electron', 'main', 'main.ts'), 'utf8');
    expect(main).toMatch(/app\.isPackaged \? join\(process\.resourcesPath, 'native', 'better_sqlite3\.node'\)/);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('the package holds what the app loads at run time', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'scales/data/**/*', 'package.json']));
    const png = readFileSync(join(ROOT, config.linux.icon));
    // A PNG of at least 512 x 512, from which electron-builder makes .ico and .icns.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
