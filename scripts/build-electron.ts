import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { CALL_NAMES } from '../electron/contract/contract.ts';

export interface ElectronBuildOptions {
  /** The repository root (holds electron/ and scales/). */
  rootDir: string;
  /** Where main.cjs and preload.cjs go; dist/electron for the app. */
  outdir: string;
}

export interface ElectronBuildResult {
  mainFile: string;
  preloadFile: string;
  /** External modules each bundle still requires at run time, e.g. { preload: ['electron'] }. */
  externals: { main: string[]; preload: string[] };
}

/** Set by the main bundle's banner; stands in for scales/scale-registry.ts's import.meta.url. */
const SCALE_REGISTRY_URL_GLOBAL = '__ipsScaleRegistryUrl';

/**
 * Options for the main-process bundle. Electron loads CommonJS, where import.meta.url is empty, and
 * scales/scale-registry.ts finds the bundled scale files relative to its own URL. The app runs from the
 * repository (`npm start`), so the banner points that URL at the source file, relative to the bundle.
 * A packaged app would copy scales/data next to the bundle and change this one line.
 */
export function mainBundleOptions({ rootDir, outdir }: ElectronBuildOptions): BuildOptions {
  const registryFromBundle = relative(outdir, resolve(rootDir, 'scales', 'scale-registry.ts')).split(sep).join('/');
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // better-sqlite3 is native and loads its own .node file; electron is provided by the runtime; pdfkit reads its
    // own data files (the standard fonts' metrics) relative to its folder, so it must stay in node_modules.
    external: ['electron', 'better-sqlite3', 'pdfkit'],
    define: { 'import.meta.url': SCALE_REGISTRY_URL_GLOBAL },
    banner: {
      // Repeats "use strict": a banner goes above esbuild's own directive, which would otherwise not count.
      js: `"use strict";\nconst ${SCALE_REGISTRY_URL_GLOBAL} = require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(registryFromBundle)})).href;`,
    },
    // Any other import.meta use (import.meta.dirname, …) would be silently empty in CommonJS: refuse it.
    logOverride: { 'empty-import-meta': 'error' },
    logLevel: 'silent',
    metafile: true,
  };
}

/**
 * Sandboxed preloads can require nothing but 'electron' (and a few built-ins): everything else is inlined,
 * and the contract's call names are written in as a constant (see electron/preload/preload.ts).
 */
export function preloadBundleOptions(): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    define: { __IPS_CALL_NAMES__: JSON.stringify(CALL_NAMES) },
    logOverride: { 'empty-import-meta': 'error' },
    logLevel: 'silent',
    metafile: true,
  };
}

export async function buildElectron(options: ElectronBuildOptions): Promise<ElectronBuildResult> {
  const mainFile = resolve(options.outdir, 'main.cjs');
  const preloadFile = resolve(options.outdir, 'preload.cjs');
  const [main, preload] = await Promise.all([
    build({ ...mainBundleOptions(options), entryPoints: [resolve(options.rootDir, 'electron', 'main', 'main.ts')], outfile: mainFile }),
    build({ ...preloadBundleOptions(), entryPoints: [resolve(options.rootDir, 'electron', 'preload', 'preload.ts')], outfile: preloadFile }),
  ]);
  return { mainFile, preloadFile, externals: { main: externalsOf(main.metafile), preload: externalsOf(preload.metafile) } };
}

function externalsOf(metafile: Metafile | undefined): string[] {
  const names = Object.values(metafile?.outputs ?? {}).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return [...new Set(names)].sort();
}

// `npm run build:electron`
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const rootDir = resolve(import.meta.dirname, '..');
  buildElectron({ rootDir, outdir: resolve(rootDir, 'dist', 'electron') }).then(
    (result) => console.log(`built ${relative(rootDir, result.mainFile)} and ${relative(rootDir, result.preloadFile)}`),
    (error: Error) => {
      console.error(`building the Electron bundles failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
