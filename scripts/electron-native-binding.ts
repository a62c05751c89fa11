import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * better-sqlite3 in node_modules is compiled for Node's ABI; Electron embeds a different one. Rather than
 * rebuilding node_modules in place (which would break the Node tests and the CLI), `npm start` keeps a second,
 * Electron-ABI build in .cache/ and hands its path to the app (IPS_SQLITE_BINDING -> better-sqlite3's
 * `nativeBinding` option). The cache key holds both versions, so upgrading either one rebuilds.
 */
export interface NativeBindingPlan {
  bindingFile: string;
  needsBuild: boolean;
}

export function planNativeBinding(options: {
  rootDir: string;
  electronVersion: string;
  betterSqliteVersion: string;
  exists: (path: string) => boolean;
}): NativeBindingPlan {
  const bindingFile = join(options.rootDir, '.cache', 'electron-native', options.electronVersion,
    `better-sqlite3-${options.betterSqliteVersion}`, 'better_sqlite3.node');
  return { bindingFile, needsBuild: !options.exists(bindingFile) };
}

/** Electron's documented way to build a native module by hand: node-gyp against Electron's headers. */
export function nodeGypArgs(electronVersion: string, headersDir: string): string[] {
  return ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron',
    '--dist-url=https://electronjs.org/headers', `--devdir=${headersDir}`];
}

/**
 * npm passes its config to scripts as npm_config_* variables, which node-gyp reads. A `nodedir` there (set on
 * machines that build against local Node headers) would silently build for Node instead of Electron.
 */
export function nodeGypEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    const key = name.toLowerCase();
    if (key === 'npm_config_nodedir' || key === 'npm_config_target' || key === 'npm_config_runtime' ||
      key === 'npm_config_dist_url' || key === 'npm_config_disturl') continue;
    clean[name] = value;
  }
  return clean;
}

/**
 * node-gyp ships inside npm; `npm start` tells scripts where (npm_config_node_gyp). Otherwise look next to the
 * running Node (Unix and Windows layouts); failing that, npx fetches it.
 */
export function findNodeGyp(options: { env: NodeJS.ProcessEnv; execPath: string; exists: (path: string) => boolean }): { command: string; args: string[] } {
  const nodeDir = dirname(options.execPath);
  const candidates = [
    options.env.npm_config_node_gyp,
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((path): path is string => !!path && options.exists(path));
  if (found) return { command: options.execPath, args: [found] };
  return { command: process.platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--yes', 'node-gyp'] };
}

function packageVersion(rootDir: string, name: string): string {
  return (JSON.parse(readFileSync(join(rootDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Returns the Electron-ABI better_sqlite3.node, building it first if the cache does not have it. */
export async function ensureElectronNativeBinding(rootDir: string, log: (line: string) => void = console.log): Promise<string> {
  const electronVersion = packageVersion(rootDir, 'electron');
  const plan = planNativeBinding({ rootDir, electronVersion, betterSqliteVersion: packageVersion(rootDir, 'better-sqlite3'), exists: existsSync });
  if (!plan.needsBuild) return plan.bindingFile;

  log(`Building better-sqlite3 for Electron ${electronVersion} (once; kept in ${dirname(plan.bindingFile)})…`);
  const headersDir = resolve(rootDir, '.cache', 'electron-native', 'headers');
  await buildBetterSqlite({ rootDir, bindingFile: plan.bindingFile, gypArgs: nodeGypArgs(electronVersion, headersDir), env: nodeGypEnv(process.env) })
    .catch((error: Error) => {
      throw new Error(`${error.message}; building for Electron ${electronVersion} needs python3, make, a C++ compiler and access to https://electronjs.org/headers.`);
    });
  return plan.bindingFile;
}

/** Rebuilds a copy of node_modules/better-sqlite3 with the given node-gyp arguments and stores the .node file. */
export async function buildBetterSqlite(options: { rootDir: string; bindingFile: string; gypArgs: string[]; env: NodeJS.ProcessEnv }): Promise<void> {
  const packageDir = join(options.rootDir, 'node_modules', 'better-sqlite3');
  const work = await mkdtemp(join(tmpdir(), 'ips-sqlite-build-'));
  try {
    // A copy, so node_modules keeps its Node build for the tests and the command line.
    const source = join(work, 'better-sqlite3');
    await cp(packageDir, source, {
      recursive: true,
      filter: (path) => dirname(path) !== packageDir || !['build', 'node_modules'].includes(basename(path)),
    });
    const nodeGyp = findNodeGyp({ env: process.env, execPath: process.execPath, exists: existsSync });
    const result = spawnSync(nodeGyp.command, [...nodeGyp.args, ...options.gypArgs], { cwd: source, stdio: 'inherit', env: options.env });
    if (result.status !== 0) throw new Error(`node-gyp could not build better-sqlite3 (exit ${result.status ?? result.signal})`);
    await mkdir(dirname(options.bindingFile), { recursive: true });
    // Copy under a temporary name and rename, so an interrupted start never leaves a truncated binding in the cache.
    const temp = `${options.bindingFile}.${process.pid}.tmp`;
    await copyFile(join(source, 'build', 'Release', 'better_sqlite3.node'), temp);
    await rename(temp, options.bindingFile);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
