import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

/**
 * The import boundaries of eslint.config.js, enforced in `npm test`: the renderer imports no Node module, no
 * better-sqlite3 and no electron; only electron/main and electron/preload import electron; the domain (scales,
 * reports, exchange) imports nothing from electron/, renderer/ or cli/. ESLint runs over the whole tree here, so a
 * violation anywhere fails this test with its file, line and the rule's message.
 */
const eslint = (options: ESLint.Options = {}) => new ESLint({ cwd: ROOT, errorOnUnmatchedPattern: false, ...options });

/** Errors only: a parse failure (fatal) would hide a file's imports, so it counts too. */
function violations(results: ESLint.LintResult[]): string[] {
  return results.flatMap((result) => result.messages
    .filter((m) => m.severity === 2 || m.fatal)
    .map((m) => `${result.filePath.slice(ROOT.length + 1)}:${m.line}: ${m.message}`));
}

async function lintAs(filePath: string, code: string): Promise<string[]> {
  return violations(await eslint().lintText(code, { filePath: `${ROOT}/${filePath}` }));
}

describe('import boundaries (eslint.config.js)', () => {
  test('the whole tree keeps them', { timeout: 300_000 }, async () => {
    // Cached by file content and config (in node_modules/.cache), so a rerun lints only what changed.
    const results = await eslint({ cache: true, cacheLocation: `${ROOT}/node_modules/.cache/import-boundaries/` }).lintFiles(['.']);
    // It must really have linted the layers, not an empty selection.
    const linted = results.map((r) => r.filePath.slice(ROOT.length + 1));
    for (const folder of ['renderer/', 'scales/', 'reports/', 'exchange/', 'electron/main/', 'electron/backend/', 'cli/', 'tests/']) {
      expect(linted.some((file) => file.startsWith(folder)), folder).toBe(true);
    }
    expect(violations(results)).toEqual([]);
  });

  test('the renderer: no Node built-in (bare or node:), no better-sqlite3, no electron, nothing of the backend', async () => {
    const found = await lintAs('renderer/sites/Probe.tsx', [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { readFile } from 'fs/promises';",
      "import Database from 'better-sqlite3';",
      "import { ipcRenderer } from 'electron';",
      "import { handlers } from '../../electron/backend/handlers/index.ts';",
      "import { contract } from '../../electron/contract/contract.ts';",
      "import { useState } from 'react';",
    ].join('\n'));
    expect(found.map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  test('electron only in electron/main and electron/preload', async () => {
    expect(await lintAs('electron/backend/Probe.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(await lintAs('scripts/probe.ts', "export { shell } from 'electron';")).toHaveLength(1);
    expect(await lintAs('cli/probe.ts', "import type { WebContents } from 'electron/main';")).toHaveLength(1);
    expect(await lintAs('electron/main/probe.ts', "import { app } from 'electron';")).toEqual([]);
    expect(await lintAs('electron/preload/probe.ts', "import { contextBridge } from 'electron';")).toEqual([]);
  });

  test('the domain imports nothing of electron/, renderer/ or cli/', async () => {
    const found = await lintAs('scales/review-rules/probe.ts', [
      "import { contract } from '../../electron/contract/contract.ts';",
      "import type { ApiError } from '../../electron/contract/api-error.ts';",
      "import { t } from '../../renderer/i18n/i18n.ts';",
      "export { readJsonFile } from '../../cli/read-json-file.ts';",
      "import { checkReview } from '../review-check.ts';",
      "import { readBundle } from '../../exchange/bundle-read.ts';",
    ].join('\n'));
    expect(found.map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4']);
    expect(await lintAs('reports/probe.ts', "import { handlers } from '../electron/backend/handlers/index.ts';")).toHaveLength(1);
    expect(await lintAs('exchange/probe.ts', "import { app } from 'electron';")).toHaveLength(1);
  });
});
