import { spawn } from 'node:child_process';
import { lookup as dnsLookup } from 'node:dns/promises';
import { join } from 'node:path';

/**
 * Electron's binary is not fetched by `npm ci` (package.json's allowScripts denies the electron package's
 * postinstall, so an install can never fail on Electron's download host). `npm start` fetches it on first use
 * instead, with the package's own installer, and falls back to the browser preview when that cannot be done.
 */
export type DownloadOutcome = { fetched: true } | { fetched: false; reason: string };

/** The host @electron/get downloads from: a configured mirror's host, else GitHub's. */
export function electronDownloadHost(env: NodeJS.ProcessEnv): string {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? env.NPM_CONFIG_ELECTRON_MIRROR;
  if (mirror) {
    try {
      return new URL(mirror).hostname;
    } catch {
      return mirror;
    }
  }
  return 'github.com';
}

export interface DownloadDeps {
  rootDir: string;
  env: NodeJS.ProcessEnv;
  /** Resolves when the host has an address; rejects (with a code such as ENOTFOUND) when it has none. */
  lookup?: (host: string) => Promise<unknown>;
  /** Runs a command with the terminal attached; resolves with its exit code. */
  run?: (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<number | null>;
  /** How long the name lookup may take before the host counts as unreachable. */
  lookupTimeoutMs?: number;
}

const runAttached = (command: string, args: string[], env: NodeJS.ProcessEnv) => new Promise<number | null>((resolve) => {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('error', () => resolve(null));
  child.on('exit', (code) => resolve(code));
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * Fetches the binary once. A host without an address answers within the lookup timeout, so a machine without
 * internet opens the preview at once instead of waiting for the installer's retries.
 */
export async function fetchElectronBinary(deps: DownloadDeps): Promise<DownloadOutcome> {
  const { rootDir, env, lookup = dnsLookup, run = runAttached, lookupTimeoutMs = 5000 } = deps;
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { fetched: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  const host = electronDownloadHost(env);
  try {
    await withTimeout(lookup(host), lookupTimeoutMs);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { fetched: false, reason: `its download host ${host} cannot be reached${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  console.log(`Downloading Electron's binary from ${host} (once; about 100 MB)…`);
  const code = await run(process.execPath, [join(rootDir, 'node_modules', 'electron', 'install.js')], env);
  return code === 0 ? { fetched: true } : { fetched: false, reason: `its download from ${host} failed (exit ${code ?? 'signal'})` };
}
