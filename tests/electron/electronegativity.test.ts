import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareWithAccepted, readAccepted, runElectronegativity } from '../../scripts/audit-electron.ts';

describe('electronegativity over the app (npm run audit:electron)', { timeout: 240_000 }, () => {
  test('every finding on electron/ and renderer/ is in the accepted list with a reason, and no accepted one is stale', () => {
    const findings = runElectronegativity();
    const { unaccepted, stale } = compareWithAccepted(findings, readAccepted());
    expect(unaccepted).toEqual([]);
    expect(stale).toEqual([]);
  });

  test('insecure window settings are found (the audit can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-insecure-'));
    mkdirSync(join(dir, 'main'));
    writeFileSync(join(dir, 'main', 'window.js'), `
      const { BrowserWindow } = require('electron');
      const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
      win.loadURL('http://example.org/');
    `);
    const findings = runElectronegativity(dir);
    const checks = new Set(findings.map((f) => f.check));
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']) expect(checks).toContain(check);
    const { unaccepted } = compareWithAccepted(findings, readAccepted());
    expect(unaccepted.length).toBeGreaterThan(3);
  });
});
