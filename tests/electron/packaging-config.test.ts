import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
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
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
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

/**
 * Electron's fuses, flipped in the packaged binary by electron-builder (with @electron/fuses) right before signing.
 * Named here by @electron/fuses' own enum, so a fuse renamed or added in an Electron upgrade fails this test until
 * it is decided on. Why each is set so: README, "Security of the desktop shell".
 */
const FUSES: Record<keyof typeof FuseV1Options & string, boolean> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  RunAsNode: false,
  // The cookie store encrypted with the OS key (the app keeps no cookies, but nothing is stored in the clear).
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded in the binary (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no app/ folder or default_app.asar placed next to it.
  OnlyLoadAppFromAsar: true,
  // Not used: the app ships no custom V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The page is app://ips-fidelity; file:// gets no privileges beyond a browser's.
  GrantFileProtocolExtraPrivileges: false,
};

/** electron-builder's configuration key of a fuse: the enum name with a lower-case first letter. */
const configKey = (fuse: string) => fuse[0]!.toLowerCase() + fuse.slice(1);
const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

describe('Electron fuses at packaging', () => {
  test('every fuse @electron/fuses knows is set, to the value above, and nothing else is', () => {
    expect(fuseNames.sort()).toEqual(Object.keys(FUSES).sort());
    expect(Object.keys(config.electronFuses).sort()).toEqual(fuseNames.map(configKey).sort());
    for (const fuse of fuseNames) expect(config.electronFuses[configKey(fuse)], fuse).toBe(FUSES[fuse as keyof typeof FUSES]);
  });

  test("electron-builder turns the configuration into this fuse wire for @electron/fuses (its own code, not a copy)", async () => {
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const expected: Record<string, unknown> = { version: FuseVersion.V1, resetAdHocDarwinSignature: undefined };
    for (const fuse of fuseNames) expected[FuseV1Options[fuse as keyof typeof FuseV1Options]] = FUSES[fuse as keyof typeof FUSES];
    expect(wire).toEqual(expected);
    // Each fuse of the wire is set (the same guarantee as @electron/fuses' strictlyRequireAllFuses).
    for (let index = 0; index < fuseNames.length; index += 1) expect(typeof wire[index], FuseV1Options[index]).toBe('boolean');
  });

  test("the fuses pass electron-builder's validator, and a misspelt fuse is refused by it", async () => {
    const { $schema: _schema, ...withoutSchemaRef } = config;
    await expect(validateConfiguration(withoutSchemaRef, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...withoutSchemaRef, electronFuses: { ...config.electronFuses, runAsnode: true } }, logger))
      .rejects.toThrow(/electronFuses/);
    await expect(validateConfiguration({ ...withoutSchemaRef, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }, logger))
      .rejects.toThrow(/electronFuses/);
  });

  test("README's security section names every fuse and the page's scheme", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Security of the desktop shell'));
    expect(section.length).toBeLessThan(readme.length);
    for (const fuse of fuseNames) expect(section, fuse).toContain(`\`${configKey(fuse)}\``);
    expect(section).toContain('app://ips-fidelity/index.html');
  });

  test('the packaged app is an asar, which the integrity and asar-only fuses need', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
  });
});
