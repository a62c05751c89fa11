import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { startPreviewServer } from '../electron/backend/preview-server.ts';
import { buildElectron } from './build-electron.ts';
import { ensureElectronNativeBinding } from './electron-native-binding.ts';
import { fetchElectronBinary } from './electron-download.ts';
import { chooseLaunch, electronBinaryPath } from './launch-choice.ts';
import { userDataDir } from './user-data-dir.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `npm start`: build, then the desktop app where Electron's binary is installed, or else the same app in the
 * browser preview, so the README's one command always gives a working app.
 */
async function main() {
  buildRenderer();
  await buildElectron({ rootDir: ROOT, outdir: join(ROOT, 'dist', 'electron') });

  const choice = await launchChoice();
  if (choice.mode === 'electron') {
    const binding = await ensureElectronNativeBinding(ROOT);
    const env: NodeJS.ProcessEnv = { ...process.env, IPS_SQLITE_BINDING: binding };
    // Set in some shells and CI images; it would make the binary behave as plain Node instead of opening the app.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(choice.binary, ['.'], { cwd: ROOT, stdio: 'inherit', env });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    return;
  }

  console.log(choice.notice);
  const dataDir = userDataDir({ platform: process.platform, env: process.env, homeDir: homedir() });
  mkdirSync(dataDir, { recursive: true });
  const server = await startPreviewServer({
    dbFile: join(dataDir, 'ips-fidelity.sqlite'),
    staticDir: join(ROOT, 'dist', 'renderer'),
    actor: userInfo().username,
  });
  console.log(`IPS Fidelity preview: ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Electron when its binary is there or can be fetched now (npm ci never fetches it), else the preview. */
async function launchChoice() {
  const binary = () => electronBinaryPath(createRequire(import.meta.url));
  const first = chooseLaunch({ electronBinary: binary(), exists: existsSync });
  if (first.mode === 'electron') return first;
  const outcome = await fetchElectronBinary({ rootDir: ROOT, env: process.env });
  // The electron package caches nothing about a missing binary, so a fresh require sees a just-fetched one.
  return chooseLaunch({ electronBinary: outcome.fetched ? binary() : undefined, exists: existsSync, missingReason: outcome.fetched ? 'its download did not leave a binary' : outcome.reason });
}

/** The renderer is another part's build; skipped (with a word) until its script exists. */
function buildRenderer() {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts['build:renderer']) {
    console.error('npm start: there is no build:renderer script yet; using dist/renderer as it is.');
    return;
  }
  const result = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('building the renderer failed (npm run build:renderer)');
}

main().catch((error: Error & { code?: string }) => {
  console.error(error.code?.startsWith('db-') ? error.message : `npm start failed: ${error.message}`);
  process.exitCode = 1;
});
