/**
 * Packaging step before electron-builder (`npm run dist`): better-sqlite3 built for Electron's ABI, copied to
 * dist/native/, from where electron-builder.json puts it in the installer's resources and the packaged app loads
 * it (electron/main/main.ts). Why not electron-builder's own `npmRebuild`: electron-builder 26.4+ rebuilds with
 * @electron/rebuild 4, which needs Node 22.12 (the project runs on Node 20), and the older 3.x cannot be installed
 * from the npm registry alone (it pulls node-gyp from GitHub). The same node-gyp step `npm start` uses is kept in
 * .cache/electron-native/, and node_modules keeps its Node build for the tests and the command line.
 * It builds for this machine's platform and architecture: build each platform's installer on that platform.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureElectronNativeBinding } from './electron-native-binding.ts';

export const PACKAGED_BINDING = join('dist', 'native', 'better_sqlite3.node');

const ROOT = resolve(import.meta.dirname, '..');
const binding = await ensureElectronNativeBinding(ROOT);
mkdirSync(join(ROOT, 'dist', 'native'), { recursive: true });
copyFileSync(binding, join(ROOT, PACKAGED_BINDING));
console.log(`${PACKAGED_BINDING}: better-sqlite3 for Electron, from ${binding}`);
