import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ORIGIN, createAppSchemeHandler } from '../../electron/main/app-scheme.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/**
 * The desktop page as the app:// handler serves it, in real Chromium. Playwright cannot register a custom scheme,
 * so a stand-in origin (https://ips-fidelity.test) is routed to the very handler Electron calls, each request
 * rewritten to its app://ips-fidelity URL: the built page, its module scripts and styles arrive with the handler's
 * status, headers (the CSP among them) and bytes. The backend is reached through a stand-in for the preload's
 * window.ipsApi, as in electron-bridge.test.ts.
 */
const STAND_IN_ORIGIN = 'https://ips-fidelity.test';
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the renderer served by the app:// handler', () => {
  it('runs under the header policy, saves through window.ipsApi.invoke, and blocks an injected inline script', async () => {
    const handler = createAppSchemeHandler(inject('rendererDir'));
    const served: Array<{ path: string; status: number; csp: string | null; type: string | null }> = [];
    const { page, errors } = await app.open({
      url: `${STAND_IN_ORIGIN}/index.html#/sites`,
      beforeLoad: async (page) => {
        await page.route(`${STAND_IN_ORIGIN}/**`, async (route) => {
          const url = new URL(route.request().url());
          const response = await handler(new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, { method: route.request().method() }));
          served.push({ path: url.pathname, status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type') });
          await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
        });
        await page.exposeFunction('ipsBackendDispatch', (name: string, input: unknown) => app.server.backend.dispatch(name, input));
        await page.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
          (window as unknown as { ipsApi: unknown }).ipsApi = {
            invoke: (name: string, input: unknown) => (window as unknown as { ipsBackendDispatch(n: string, i: unknown): Promise<unknown> }).ipsBackendDispatch(name, input),
          };
        });
      },
    });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Keski-Suomen IPS';
    const form = await sites.openNewSiteForm();
    await form.fill({ name, model: 1 });
    await form.save();
    await sites.waitForStatus(interpolate(MESSAGES.fi.sites.status.created, { name }));
    expect((await app.call('sites.list', {})).map((s) => s.name)).toContain(name);

    // The page, a module script and a stylesheet all came from the handler, each with exactly the policy.
    expect(served.find((s) => s.path === '/index.html')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(served.some((s) => s.path.endsWith('.js') && s.type === 'text/javascript; charset=utf-8')).toBe(true);
    expect(served.some((s) => s.path.endsWith('.css') && s.type === 'text/css; charset=utf-8')).toBe(true);
    for (const response of served) expect(response.csp, response.path).toBe(CONTENT_SECURITY_POLICY);

    // No screen so far tripped the policy.
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(await violations()).toEqual([]);

    // The header policy is enforced: an inline script the page did not ship is blocked and reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    // Reported once per policy that forbids it: the header's (from the handler) and the meta tag's, so two.
    await expect.poll(async () => (await violations()).length).toBe(2);
    for (const violation of await violations()) expect(violation).toMatch(/^script-src(-elem)? inline$/);
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
  });
});
