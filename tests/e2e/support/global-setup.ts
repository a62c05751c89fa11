import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The renderer built for this test run (a temp folder, so a developer's dist/ is left alone). */
    rendererDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Builds the renderer once for every end-to-end test file, with the same config as `npm run build:renderer`. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'ips-renderer-'));
  // vitest sets NODE_ENV=test, which would give React's development build: test the production build we ship.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(ROOT, 'vite.renderer.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('rendererDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
