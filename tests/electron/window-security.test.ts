import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { APP_PAGE_URL } from '../../electron/main/app-scheme.ts';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isAppPageUrl } from '../../electron/main/security.ts';
import { createMainWindow, mainWindowOptions } from '../../electron/main/window.ts';
import { fakeBrowserWindowClass, fakeSession, fakeShell, fakeWebContents } from './stand-ins.ts';

const PAGE_URL = APP_PAGE_URL;
/** Where the page used to be loaded from: the same built file as a file:// URL is not the app page. */
const OLD_FILE_PAGE_URL = pathToFileURL('/opt/ips/dist/renderer/index.html').href;

describe('the main window', () => {
  test('runs the page isolated, sandboxed and without Node, with our preload', () => {
    const { BrowserWindow, instances } = fakeBrowserWindowClass();
    const shell = fakeShell();
    createMainWindow({ BrowserWindow, shell, preloadFile: '/opt/ips/dist/electron/preload.cjs', pageUrl: PAGE_URL });

    const [window] = instances;
    expect(instances).toHaveLength(1);
    expect(window!.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, show: false });
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false,
      preload: '/opt/ips/dist/electron/preload.cjs',
    });
    expect(window!.loaded).toEqual(['app://ips-fidelity/index.html']);
    // Shown only once painted.
    expect(window!.shown).toBe(false);
    window!.events.get('ready-to-show')!();
    expect(window!.shown).toBe(true);
    // The window's contents are hardened as part of creating it.
    expect(window!.webContents.windowOpenHandler).toBeDefined();
    expect(window!.webContents.listeners.get('will-navigate')).toHaveLength(1);
  });

  test('options are the same object shape every time (no accidental sharing between windows)', () => {
    expect(mainWindowOptions('/a')).toEqual(mainWindowOptions('/a'));
    expect(mainWindowOptions('/a')).not.toBe(mainWindowOptions('/a'));
  });
});

describe('the session', () => {
  test('adds the Content-Security-Policy to every response, replacing any other', () => {
    const session = fakeSession();
    hardenSession(session);
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersListener!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r: typeof answer) => (answer = r));

    expect(answer!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(answer!.responseHeaders['X-Other']).toEqual(['1']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });

  test('adds the policy to responses that came without headers', () => {
    const session = fakeSession();
    hardenSession(session);
    let headers: Record<string, string[]> = {};
    session.headersListener!({}, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  test('refuses every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      session.requestHandler!({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(session.checkHandler!({}, permission, 'file://', {})).toBe(false);
    }
  });
});

describe('the web contents', () => {
  const harden = () => {
    const contents = fakeWebContents();
    const shell = fakeShell();
    hardenWebContents(contents, shell, PAGE_URL);
    return { contents, shell };
  };

  test('navigation away from the app page is prevented; in-page routes are not', () => {
    const { contents } = harden();
    expect(contents.emitPreventable('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', `${OLD_FILE_PAGE_URL}#/sites`)).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://other-host/index.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://ips-fidelity/other.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', PAGE_URL)).toBe(false);
    expect(contents.emitPreventable('will-navigate', `${PAGE_URL}#/sites/1`)).toBe(false);
  });

  test('webviews are never attached', () => {
    const { contents } = harden();
    expect(contents.emitPreventable('will-attach-webview', 'about:blank')).toBe(true);
  });

  test('window.open is denied; only https links to allow-listed sites go to the OS browser', async () => {
    const { contents, shell } = harden();
    for (const url of ['https://thl.fi/ips', 'https://www.kuntoutussaatio.fi/ips', 'https://example.org/', 'https://thl.fi.example.org/', 'https://evilthl.fi/', 'https://user:pw@thl.fi/', 'https://thl.fi:8443/', 'http://thl.fi/', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'not a url']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://thl.fi/ips', 'https://www.kuntoutussaatio.fi/ips']);
  });

  test('isAppPageUrl compares scheme, host and path, never a prefix', () => {
    expect(isAppPageUrl(`${PAGE_URL}?x=1#/a`, PAGE_URL)).toBe(true);
    expect(isAppPageUrl(`${PAGE_URL}.evil.html`, PAGE_URL)).toBe(false);
    expect(isAppPageUrl(PAGE_URL.replace('index.html', 'other.html'), PAGE_URL)).toBe(false);
    expect(isAppPageUrl('', PAGE_URL)).toBe(false);
    expect(isAppPageUrl(undefined, PAGE_URL)).toBe(false);
    expect(isAppPageUrl('::::', PAGE_URL)).toBe(false);
    expect(isAppPageUrl(OLD_FILE_PAGE_URL, PAGE_URL)).toBe(false);
    expect(isAppPageUrl('app://ips-fidelity.evil/index.html', PAGE_URL)).toBe(false);
    expect(isAppPageUrl('app://ips-fidelity:1/index.html', PAGE_URL)).toBe(false);
    expect(isAppPageUrl('https://ips-fidelity/index.html', PAGE_URL)).toBe(false);
  });
});

describe('the page carries the same policy', () => {
  test("renderer/index.html's CSP meta tag matches the header (a second line under the app:// header)", async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    const directives = (policy: string) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort();
    // frame-ancestors is ignored in a meta tag (CSP 3), so only the header can carry it.
    expect(directives(meta ?? '')).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')));
  });
});
