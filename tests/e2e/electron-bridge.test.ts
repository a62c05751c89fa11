import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

let app: PreviewApp;

beforeAll(async () => {
  // Electron loads the build from file://; plain Chromium needs this flag to run module scripts from there.
  app = await startPreviewApp({ browserArgs: ['--allow-file-access-from-files'] });
});

afterAll(async () => {
  await app?.close();
});

/**
 * The desktop path without the Electron binary: the same build opened from file://, with a stand-in for the
 * preload's window.ipsApi that hands each call to the same backend dispatcher the IPC handler uses.
 */
describe('renderer over the Electron bridge', () => {
  it('loads from file:// and saves through window.ipsApi.invoke', async () => {
    const calls: string[] = [];
    const { page, errors } = await app.open({
      url: pathToFileURL(join(inject('rendererDir'), 'index.html')).href,
      beforeLoad: async (page) => {
        await page.exposeFunction('ipsBackendDispatch', async (name: string, input: unknown) => {
          calls.push(name);
          return app.server.backend.dispatch(name, input);
        });
        await page.addInitScript('window.ipsApi = { invoke: (name, input) => window.ipsBackendDispatch(name, input) };');
      },
    });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Siun soten IPS-työhönvalmennus';
    const form = await sites.openNewSiteForm();
    await form.fill({ name, region: 'Pohjois-Karjalan hyvinvointialue', model: 1 });
    await form.save();
    await sites.waitForStatus(interpolate(MESSAGES.fi.sites.status.created, { name }));

    expect(calls).toEqual(expect.arrayContaining(['sites.list', 'regions.list', 'sites.create']));
    expect((await app.call('sites.list', {})).map((s) => s.name)).toContain(name);
    expect(errors).toEqual([]);
  });
});
