import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, appFileFor, createAppSchemeHandler, registerAppSchemePrivileges, serveAppScheme } from '../../electron/main/app-scheme.ts';
import { senderIsAppPage } from '../../electron/main/ipc.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';
import { fakeProtocol } from './stand-ins.ts';

/**
 * The page's scheme, app://ips-fidelity/, answered by the handler the main process installs with protocol.handle.
 * A real folder stands in for dist/renderer, with a secret file next to it that no URL may reach.
 */
let base: string;
let root: string;
/** Every path the handler asked to read. */
const read: string[] = [];
const handler = () => createAppSchemeHandler(root, async (path) => (read.push(path), readFile(path)));
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ips-app-scheme-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>IPS Fidelity</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'data.bin'), 'bytes');
  writeFileSync(join(root, 'assets', 'Ääkköset tiedosto.json'), '{}');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
  mkdirSync(join(base, 'renderer-other'));
  writeFileSync(join(base, 'renderer-other', 'index.html'), 'sibling folder');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app://ips-fidelity serves the built renderer', () => {
  test('the page and its assets, each with exactly the CSP, nosniff and its content type', async () => {
    const expected: Array<[string, string, string]> = [
      [APP_PAGE_URL, 'text/html; charset=utf-8', '<!doctype html><title>IPS Fidelity</title>'],
      ['app://ips-fidelity/index.html?x=1#/sites', 'text/html; charset=utf-8', '<!doctype html><title>IPS Fidelity</title>'],
      ['app://ips-fidelity/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://ips-fidelity/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://ips-fidelity/assets/logo.svg', 'image/svg+xml', '<svg/>'],
      ['app://ips-fidelity/assets/data.bin', 'application/octet-stream', 'bytes'],
      ['app://ips-fidelity/assets/%C3%84%C3%A4kk%C3%B6set%20tiedosto.json', 'application/json; charset=utf-8', '{}'],
    ];
    for (const [url, type, body] of expected) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
    // The policy is the strict one, nothing loosened for the scheme.
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|app:/);
  });

  test('HEAD answers the headers without a body; other methods are refused', async () => {
    const head = await get(APP_PAGE_URL, 'HEAD');
    expect([head.status, head.headers.get('content-security-policy'), await head.text()]).toEqual([200, CONTENT_SECURITY_POLICY, '']);
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get(APP_PAGE_URL, method)).status).toBe(405);
  });

  test('path traversal, plain, percent-encoded, with backslashes or drive letters, is refused before anything is read', async () => {
    read.length = 0;
    const attacks = [
      'app://ips-fidelity/../secret.txt',
      'app://ips-fidelity/assets/../../secret.txt',
      'app://ips-fidelity/%2e%2e/secret.txt',
      'app://ips-fidelity/%2E%2E%2Fsecret.txt',
      'app://ips-fidelity/..%2fsecret.txt',
      'app://ips-fidelity/..%5csecret.txt',
      'app://ips-fidelity/assets%5c..%5c..%5csecret.txt',
      'app://ips-fidelity/..\\secret.txt',
      'app://ips-fidelity/assets\\..\\..\\secret.txt',
      'app://ips-fidelity/%252e%252e/secret.txt',
      'app://ips-fidelity/C:%5cWindows%5cwin.ini',
      'app://ips-fidelity/C:/Windows/win.ini',
      `app://ips-fidelity/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://ips-fidelity//etc/passwd',
      'app://ips-fidelity/index.html%00.js',
      'app://ips-fidelity/%E0%A4%A',
      'app://ips-fidelity/../renderer-other/index.html',
    ];
    for (const url of attacks) {
      const response = await get(url);
      expect([400, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toMatch(/not for the page|sibling folder|root:/);
      // Refusals carry the policy too.
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    // The URL parser folds a leading /../ (and %2e%2e) away, as Chromium does, so some attacks become harmless
    // names inside the folder (/secret.txt, /renderer-other/index.html), looked for there and not found; and
    // %252e%252e decodes once to the plain name "%2e%2e". Nothing outside the folder was ever read.
    expect(read.length).toBeGreaterThan(0);
    for (const path of read) expect(path.startsWith(join(root, '/')), path).toBe(true);
    expect(read).toContain(join(root, '%2e%2e', 'secret.txt'));
  });

  test('only the app host is served; other hosts, credentials and ports are refused', async () => {
    read.length = 0;
    for (const url of ['app://other/index.html', 'app://ips-fidelity.evil/index.html', 'app://ips-fidelity:8080/index.html', 'app:///index.html', 'https://ips-fidelity/index.html', 'file:///index.html']) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect(read).toEqual([]);
  });

  test('a missing file, a folder and the bare origin are 404', async () => {
    for (const url of ['app://ips-fidelity/missing.js', 'app://ips-fidelity/assets', 'app://ips-fidelity/assets/', 'app://ips-fidelity/', 'app://ips-fidelity']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  test('appFileFor maps a URL to a file inside the folder only', () => {
    expect(appFileFor('app://ips-fidelity/assets/a.js', root)).toEqual({ ok: true, file: join(root, 'assets', 'a.js') });
    expect(appFileFor('not a url', root)).toEqual({ ok: false, status: 400 });
    // As written, before any URL parser folds it: a dot segment is refused, not resolved.
    expect(appFileFor('app://ips-fidelity/a/../b.js', root)).toEqual({ ok: false, status: 400 });
    expect(appFileFor('app://ips-fidelity/./b.js', root)).toEqual({ ok: false, status: 400 });
    expect(appFileFor('app://ips-fidelity\\..\\secret.txt', root)).toMatchObject({ ok: false });
    // Credentials in the URL (which a WHATWG Request would not even carry) are refused.
    expect(appFileFor('app://user:pw@ips-fidelity/index.html', root)).toEqual({ ok: false, status: 404 });
  });
});

describe('the scheme as registered with Electron', () => {
  test('privileged as standard and secure only: no bypassCSP, corsEnabled, fetch, service workers or streaming', () => {
    const protocol = fakeProtocol();
    registerAppSchemePrivileges(protocol);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(Object.keys(APP_SCHEME_PRIVILEGES).sort()).toEqual(['secure', 'standard']);
  });

  test('app:// answers from the renderer folder and file:// answers nothing', async () => {
    const protocol = fakeProtocol();
    serveAppScheme(protocol, root);
    expect([...protocol.handlers.keys()].sort()).toEqual(['app', 'file']);
    const page = await protocol.fetch(APP_PAGE_URL);
    expect([page.status, page.headers.get('content-security-policy')]).toEqual([200, CONTENT_SECURITY_POLICY]);
    for (const url of [pathToFileURL(join(base, 'secret.txt')).href, pathToFileURL(join(root, 'index.html')).href]) {
      const response = await protocol.fetch(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
  });

  test('a file:// frame showing the same built page is not the app page for the IPC check', () => {
    const trusted = senderIsAppPage(APP_PAGE_URL);
    expect(trusted({ senderFrame: { url: `${APP_PAGE_URL}#/sites`, parent: null } })).toBe(true);
    expect(trusted({ senderFrame: { url: `${pathToFileURL(join(root, 'index.html')).href}#/sites`, parent: null } })).toBe(false);
    expect(trusted({ senderFrame: { url: 'file:///index.html', parent: null } })).toBe(false);
  });
});
