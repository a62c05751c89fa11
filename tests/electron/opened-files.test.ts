import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { OFFERED_FILE_TYPES, readFileToOffer } from '../../electron/backend/offered-file.ts';
import { chooseBackupFolder, chooseFileToImport } from '../../electron/main/dialogs.ts';
import { createFileHandover } from '../../electron/main/file-handover.ts';
import { APP_PAGE_URL } from '../../electron/main/app-scheme.ts';
import { menuMessages } from '../../electron/main/menu-messages.ts';
import { localPathOf, notLocalText, openedBundlesFromArgv, type CommandLineContext } from '../../electron/main/opened-files.ts';
import { createMainWindow, EXCHANGE_ROUTE, showAppRoute } from '../../electron/main/window.ts';
import { testBackend } from '../fixtures/backend.ts';
import { fakeBrowserWindowClass, fakeDialog, fakeShell, fakeWebContents } from './stand-ins.ts';

const bundlePathsFromArgv = (argv: string[], context: CommandLineContext) => openedBundlesFromArgv(argv, context).paths;
const tempDir = () => mkdtempSync(join(tmpdir(), 'ips-opened-files-'));
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

describe('bundles named on the command line (file association)', () => {
  const existing = (...paths: string[]) => (path: string) => paths.includes(path);

  test('Windows: the installed exe with the double-clicked file, as the association starts it', () => {
    const file = 'C:\\Users\\Liisa\\Downloads\\Tampere 2026.ipsreview';
    const argv = ['C:\\Program Files\\IPS Fidelity\\IPS Fidelity.exe', file];
    expect(bundlePathsFromArgv(argv, { cwd: 'C:\\Windows\\System32', platform: 'win32', isFile: existing(file) })).toEqual([file]);
    // Any case of the extension; a relative name from the folder the command ran in; forward slashes.
    const other = 'D:\\Jaetut\\OULU.IPSREVIEW';
    expect(bundlePathsFromArgv(['ips.exe', 'OULU.IPSREVIEW'], { cwd: 'D:\\Jaetut', platform: 'win32', isFile: existing(other) })).toEqual([other]);
    expect(bundlePathsFromArgv(['ips.exe', 'D:/Jaetut/OULU.IPSREVIEW'], { cwd: 'C:\\', platform: 'win32', isFile: existing(other) })).toEqual([other]);
  });

  test('Linux: a path, or a file:// URL from the desktop entry (%U)', () => {
    const file = '/home/liisa/Lataukset/Tampere 2026.ipsreview';
    const context = { cwd: '/home/liisa', platform: 'linux' as const, isFile: existing(file) };
    expect(bundlePathsFromArgv(['/opt/IPS Fidelity/ips-fidelity', file], context)).toEqual([file]);
    expect(bundlePathsFromArgv(['/opt/IPS Fidelity/ips-fidelity', pathToFileURL(file).href], context)).toEqual([file]);
    expect(bundlePathsFromArgv(['ips-fidelity', 'Lataukset/Tampere 2026.ipsreview'], context)).toEqual([file]);
    expect(bundlePathsFromArgv(['ips-fidelity', './Lataukset/../Lataukset/Tampere 2026.ipsreview'], context)).toEqual([file]);
  });

  test("Electron's and Chromium's switches, the app folder of `electron .` and other files are not bundles", () => {
    const file = '/srv/jako/a.ipsreview';
    const argv = [
      '/usr/lib/electron/electron', '.', '--no-sandbox', '--enable-features=x', '-v', '--user-data-dir=/tmp/x.ipsreview',
      '--', file, '/srv/jako/review.json', '/srv/jako/notes.txt', 'https://example.org/page', '',
    ];
    expect(openedBundlesFromArgv(argv, { cwd: '/srv', platform: 'linux', isFile: () => true })).toEqual({ paths: [file], refused: [] });
    // The executable itself is never read as a file, whatever its name.
    expect(bundlePathsFromArgv(['/tmp/odd.ipsreview'], { cwd: '/', platform: 'linux', isFile: () => true })).toEqual([]);
  });

  test('a name that is not an existing file is dropped; each file once, in order', () => {
    const context = { cwd: '/data', platform: 'linux' as const, isFile: existing('/data/b.ipsreview', '/data/c.ipsreview') };
    expect(bundlePathsFromArgv(['app', 'a.ipsreview', 'c.ipsreview', '/data/b.ipsreview', 'c.ipsreview', 'file:///data/c.ipsreview'], context))
      .toEqual(['/data/c.ipsreview', '/data/b.ipsreview']);
    expect(bundlePathsFromArgv(['app', 'gone.ipsreview'], { ...context, isFile: () => false })).toEqual([]);
  });

  test('real files on this machine: a folder named like a bundle is not a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.ipsreview'), '{}');
    mkdirSync(join(dir, 'folder.ipsreview'));
    const { statSync } = await import('node:fs');
    const isFile = (path: string) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    };
    expect(bundlePathsFromArgv(['app', 'real.ipsreview', 'folder.ipsreview', 'missing.ipsreview'], { cwd: dir, platform: process.platform, isFile }))
      .toEqual([join(dir, 'real.ipsreview')]);
  });
});

describe('only files on this machine are opened (UNC paths and URLs refused, never read)', () => {
  /** Records every path the check asks about: a refused name must not even be looked at. */
  const watching = () => {
    const asked: string[] = [];
    return { asked, isFile: (path: string) => (asked.push(path), true) };
  };

  test('Windows: UNC, long UNC, forward-slash UNC and device paths are refused; drives and \\\\?\\C:\\ stay local', () => {
    const { asked, isFile } = watching();
    const context = { cwd: 'C:\\Users\\Liisa', platform: 'win32' as const, isFile };
    const network = [
      '\\\\palvelin\\jako\\Tampere 2026.ipsreview',
      '\\\\?\\UNC\\palvelin\\jako\\x.ipsreview',
      '//palvelin/jako/x.ipsreview',
      '\\/palvelin/jako/x.ipsreview',
      '\\\\.\\pipe\\x.ipsreview',
      '\\\\10.0.0.5@SSL@443\\DavWWWRoot\\x.ipsreview',
      'file://palvelin/jako/x.ipsreview',
      'FILE://palvelin.example.fi/x.ipsreview',
    ];
    const local = ['C:\\Users\\Liisa\\a.ipsreview', 'D:/b.ipsreview', 'c.ipsreview', 'file:///C:/Users/Liisa/d.ipsreview', 'file://localhost/C:/e.ipsreview', '\\\\?\\C:\\Pitkä\\f.ipsreview'];
    const found = openedBundlesFromArgv(['ips.exe', ...network, ...local], context);
    expect(found.refused).toEqual(network.map((named) => ({ reason: 'network-path', named })));
    expect(found.paths).toEqual([
      'C:\\Users\\Liisa\\a.ipsreview', 'D:\\b.ipsreview', 'C:\\Users\\Liisa\\c.ipsreview', 'C:\\Users\\Liisa\\d.ipsreview', 'C:\\e.ipsreview', '\\\\?\\C:\\Pitkä\\f.ipsreview',
    ]);
    // Only the local names were looked at.
    expect(asked).toEqual(found.paths);
  });

  test('Windows: a relative name from a second instance started in a share resolves to UNC and is refused', () => {
    const { asked, isFile } = watching();
    expect(openedBundlesFromArgv(['ips.exe', 'x.ipsreview'], { cwd: '\\\\palvelin\\jako', platform: 'win32', isFile }))
      .toEqual({ paths: [], refused: [{ reason: 'network-path', named: 'x.ipsreview' }] });
    expect(asked).toEqual([]);
  });

  test('any platform: http:, https:, smb:, custom schemes and malformed file: URLs naming a bundle are refused', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { asked, isFile } = watching();
      const urls = ['https://example.org/b.ipsreview', 'http://127.0.0.1/x.ipsreview?x=1', 'smb://palvelin/jako/x.ipsreview', 'ipsfidelity://c.ipsreview', 'webdav://h/x.IPSREVIEW#a', 'file://%%%/x.ipsreview'];
      const found = openedBundlesFromArgv(['app', ...urls, 'https://example.org/other'], { cwd: platform === 'win32' ? 'C:\\' : '/', platform, isFile });
      expect(found.refused.map((r) => r.named), platform).toEqual(urls);
      expect(found.refused.map((r) => r.reason), platform).toEqual(['url', 'url', 'url', 'url', 'url', platform === 'win32' ? 'url' : 'url']);
      expect(found.paths).toEqual([]);
      expect(asked).toEqual([]);
    }
  });

  test('POSIX: file:// with a host is refused; //x is a local path there, and file:///… and file://localhost/… open', () => {
    const { isFile } = watching();
    const context = { cwd: '/home/liisa', platform: 'linux' as const, isFile };
    expect(openedBundlesFromArgv(['app', 'file://palvelin/jako/x.ipsreview', '//srv/a.ipsreview', 'file:///srv/b.ipsreview', 'file://localhost/srv/c.ipsreview'], context)).toEqual({
      paths: ['/srv/a.ipsreview', '/srv/b.ipsreview', '/srv/c.ipsreview'],
      refused: [{ reason: 'network-path', named: 'file://palvelin/jako/x.ipsreview' }],
    });
  });

  test("macOS 'open-file' paths pass the same check", () => {
    expect(localPathOf('/Users/liisa/Downloads/x.ipsreview', { cwd: '/', platform: 'darwin' })).toEqual({ ok: true, path: '/Users/liisa/Downloads/x.ipsreview' });
    expect(localPathOf('/Volumes/jako/x.ipsreview', { cwd: '/', platform: 'darwin' })).toEqual({ ok: true, path: '/Volumes/jako/x.ipsreview' });
    expect(localPathOf('smb://palvelin/jako/x.ipsreview', { cwd: '/', platform: 'darwin' })).toEqual({ ok: false, refusal: { reason: 'url', named: 'smb://palvelin/jako/x.ipsreview' } });
    expect(localPathOf('file://palvelin/x.ipsreview', { cwd: '/', platform: 'darwin' })).toEqual({ ok: false, refusal: { reason: 'network-path', named: 'file://palvelin/x.ipsreview' } });
  });

  test('the refusal is explained in fi, sv and en, naming what was given', () => {
    const unc = { reason: 'network-path' as const, named: '\\\\palvelin\\jako\\x.ipsreview' };
    const url = { reason: 'url' as const, named: 'https://example.org/b.ipsreview' };
    expect(notLocalText(menuMessages.fi, unc)).toBe('Tiedosto \\\\palvelin\\jako\\x.ipsreview on verkkojaolla tai toisella koneella, eikä sovellus avaa sitä sieltä. Kopioi tiedosto ensin omalle koneellesi ja avaa kopio.');
    expect(notLocalText(menuMessages.fi, url)).toBe('https://example.org/b.ipsreview on verkko-osoite eikä tämän koneen tiedosto, eikä sovellus avaa sitä. Tallenna tiedosto ensin omalle koneellesi ja avaa se sitten.');
    expect(notLocalText(menuMessages.sv, unc)).toContain('finns på en nätverksresurs');
    expect(notLocalText(menuMessages.sv, url)).toContain('är en webbadress');
    expect(notLocalText(menuMessages.en, unc)).toBe('\\\\palvelin\\jako\\x.ipsreview is on a network share or another computer, and the app does not open files from there. Copy the file to your own computer first and open the copy.');
    expect(notLocalText(menuMessages.en, url)).toContain('is a web address, not a file on this computer');
    // A very long name is shortened, not shown whole.
    expect(notLocalText(menuMessages.en, { reason: 'url', named: `https://x/${'a'.repeat(500)}.ipsreview` }).length).toBeLessThan(400);
  });
});

describe('reading a file to offer', () => {
  test('a bundle or a review file is read whole; type and size are checked first', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.ipsreview'), 'bundle bytes');
    expect(await readFileToOffer(join(dir, 'a.ipsreview'))).toEqual({ ok: true, fileName: 'a.ipsreview', bytes: Buffer.from('bundle bytes') });
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, OFFERED_FILE_TYPES.review.maxBytes + 1);
    expect(await readFileToOffer(huge)).toMatchObject({ ok: false, refusal: { reason: 'too-large', fileName: 'huge.json', maxBytes: 10 * 1024 * 1024 } });
    // The type is judged from the name before the file is opened: a missing .txt is "unsupported", not "unreadable".
    expect(await readFileToOffer(join(dir, 'missing.txt'))).toMatchObject({ ok: false, refusal: { reason: 'unsupported-type' } });
    expect(await readFileToOffer(join(dir, 'missing.json'))).toMatchObject({ ok: false, refusal: { reason: 'unreadable', message: 'missing.json could not be read (ENOENT).' } });
    mkdirSync(join(dir, 'folder.ipsreview'));
    expect(await readFileToOffer(join(dir, 'folder.ipsreview'))).toMatchObject({ ok: false, refusal: { reason: 'unreadable' } });
  });

  test('a bundle over 100 MB is refused before it is read', async () => {
    const file = join(tempDir(), 'huge.ipsreview');
    writeFileSync(file, '');
    truncateSync(file, OFFERED_FILE_TYPES.bundle.maxBytes + 1);
    expect(await readFileToOffer(file)).toMatchObject({ ok: false, refusal: { reason: 'too-large', maxBytes: 100 * 1024 * 1024 } });
  });
});

describe('Settings > Backups: the folder dialog', () => {
  test('a folder dialog titled in the app language gives the picked folder; cancel is null', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['\\\\palvelin\\varmuuskopiot'] });
    expect(await chooseBackupFolder(dialog, 'window', menuMessages.sv)).toBe('\\\\palvelin\\varmuuskopiot');
    expect(dialog.calls[0]).toEqual({ kind: 'open', window: 'window', options: { title: 'Välj mapp för säkerhetskopior', properties: ['openDirectory', 'createDirectory'] } });
    expect(await chooseBackupFolder(fakeDialog({ canceled: true, filePaths: [] }), 'window', menuMessages.fi)).toBeNull();
  });
});

describe('File > Import…', () => {
  test('the open dialog offers bundles and review files, titled in the app language; cancel is null', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/x/a.ipsreview'] });
    expect(await chooseFileToImport(dialog, 'window', menuMessages.fi)).toBe('/x/a.ipsreview');
    expect(dialog.calls[0]).toEqual({
      kind: 'open', window: 'window',
      options: {
        title: 'Tuo arviointeja',
        properties: ['openFile'],
        filters: [
          { name: 'IPS-arvioinnit (.ipsreview, .json)', extensions: ['ipsreview', 'json'] },
          { name: 'Arviointipaketti (.ipsreview)', extensions: ['ipsreview'] },
          { name: 'Arviointitiedosto (.json)', extensions: ['json'] },
        ],
      },
    });
    expect(await chooseFileToImport(fakeDialog({ canceled: true }), 'window', menuMessages.fi)).toBeNull();
    expect(await chooseFileToImport(fakeDialog({ canceled: false, filePaths: [] }), 'window', menuMessages.fi)).toBeNull();
  });
});

describe('handing an opened file to the page', () => {
  async function handover() {
    const { backend, call } = await testBackend();
    closers.push(() => backend.close());
    const shown: string[] = [];
    const errors: Array<[string, string]> = [];
    const files = createFileHandover({
      offer: (file) => backend.offerFile(file),
      showExchangePage: () => shown.push('exchange'),
      showError: (title, detail) => errors.push([title, detail]),
      messages: menuMessages.fi,
    });
    return { files, shown, errors, call };
  }

  test('an opened bundle is offered and the exchange page shown; the page takes it once', async () => {
    const { files, shown, errors, call } = await handover();
    const file = join(tempDir(), 'Kuopio 2026.ipsreview');
    writeFileSync(file, '{"format":"ips-fidelity-bundle/1"}');
    await files.open(file);
    expect(shown).toEqual(['exchange']);
    expect(errors).toEqual([]);
    expect(await call('files.takeOffered', {})).toEqual({
      fileName: 'Kuopio 2026.ipsreview', kind: 'bundle', base64: Buffer.from('{"format":"ips-fidelity-bundle/1"}').toString('base64'),
    });
    expect(await call('files.takeOffered', {})).toBeNull();
  });

  test('a refused file is explained in the app language, nothing is offered and the page stays where it is', async () => {
    const { files, shown, errors, call } = await handover();
    const dir = tempDir();
    writeFileSync(join(dir, 'muistio.txt'), 'x');
    const huge = join(dir, 'iso.json');
    writeFileSync(huge, '');
    truncateSync(huge, 10 * 1024 * 1024 + 1);
    await files.open(join(dir, 'muistio.txt'));
    await files.open(huge);
    await files.open(join(dir, 'poistettu.ipsreview'));
    expect(shown).toEqual([]);
    expect(errors).toEqual([
      ['Tiedostoa ei voitu avata', 'muistio.txt ei ole arviointipaketti (.ipsreview) eikä arviointitiedosto (.json).'],
      ['Tiedostoa ei voitu avata', 'iso.json on liian suuri: 11 Mt, kun enintään 10 Mt on sallittu.'],
      ['Tiedostoa ei voitu avata', 'Tiedostoa poistettu.ipsreview ei voitu lukea.'],
    ]);
    expect(await call('files.takeOffered', {})).toBeNull();
  });
});

describe('showing the exchange page', () => {
  const PAGE_URL = APP_PAGE_URL;

  test('loads the app page with the route: a hash change when the page shows another screen', () => {
    const contents = fakeWebContents();
    contents.url = `${PAGE_URL}#/sites/3`;
    showAppRoute(contents, PAGE_URL, EXCHANGE_ROUTE, true);
    expect(contents.loadedUrls).toEqual([`${PAGE_URL}#/exchange`]);
    expect(contents.reloads).toBe(0);
  });

  test('on the exchange page already: loaded again for a new import, left alone for export', () => {
    const contents = fakeWebContents();
    contents.url = `${PAGE_URL}#/exchange`;
    showAppRoute(contents, PAGE_URL, EXCHANGE_ROUTE, false);
    expect([contents.loadedUrls, contents.reloads]).toEqual([[], 0]);
    showAppRoute(contents, PAGE_URL, EXCHANGE_ROUTE, true);
    expect([contents.loadedUrls, contents.reloads]).toEqual([[], 1]);
  });

  test('a page that is not ours (never the case, the window stays on the app) is replaced by the app page', () => {
    const contents = fakeWebContents();
    contents.url = 'https://example.org/#/exchange';
    showAppRoute(contents, PAGE_URL, EXCHANGE_ROUTE, true);
    expect(contents.loadedUrls).toEqual([`${PAGE_URL}#/exchange`]);
  });

  test('a window started with a file opens at the exchange route', () => {
    const { BrowserWindow, instances } = fakeBrowserWindowClass();
    createMainWindow({ BrowserWindow, shell: fakeShell(), preloadFile: '/p.cjs', pageUrl: PAGE_URL, route: EXCHANGE_ROUTE });
    createMainWindow({ BrowserWindow, shell: fakeShell(), preloadFile: '/p.cjs', pageUrl: PAGE_URL });
    expect(instances.map((w) => w.loaded)).toEqual([['app://ips-fidelity/index.html#/exchange'], ['app://ips-fidelity/index.html']]);
    expect(instances[0]!.webContents.getURL()).toBe(`${PAGE_URL}#/exchange`);
  });
});
