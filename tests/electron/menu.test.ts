import { describe, expect, test } from 'vitest';
import { buildMenuTemplate, type MenuAction } from '../../electron/main/menu.ts';
import { fillMessage, menuMessages, shellLanguage, shellMessages } from '../../electron/main/menu-messages.ts';

// The template's item type, without importing 'electron' outside electron/main and electron/preload.
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

function build(locale: string, isPackaged = false, platform: NodeJS.Platform = 'linux') {
  const actions: MenuAction[] = [];
  const template = buildMenuTemplate({ messages: shellMessages(locale), isPackaged, platform, onAction: (a) => actions.push(a) });
  return { template, actions };
}

function findItem(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? findItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('native menu', () => {
  test('Finnish for fi-FI', () => {
    const { template } = build('fi-FI');
    expect(template.map((m) => m.label)).toEqual(['Tiedosto', 'Muokkaa', 'Näytä', 'Ohje']);
    expect(labels(template)).toEqual(expect.arrayContaining(['Tuo arviointeja…', 'Vie arviointeja…', 'Lopeta', 'Kopioi']));
  });

  test('Swedish for sv and sv-FI, English for en-US and any other language', () => {
    expect(build('sv-FI').template.map((m) => m.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
    expect(labels(build('sv').template)).toEqual(expect.arrayContaining(['Importera utvärderingar…', 'Exportera utvärderingar…', 'Avsluta']));
    expect(build('en-US').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(build('en-US').template)).toEqual(expect.arrayContaining(['Import reviews…', 'Export reviews…', 'Quit']));
    expect(build('de-DE').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  test('language choice', () => {
    expect(['fi', 'fi-FI', 'FI_fi', 'fi-SE'].map(shellLanguage)).toEqual(['fi', 'fi', 'fi', 'fi']);
    expect(['sv', 'sv-FI', 'SV_se'].map(shellLanguage)).toEqual(['sv', 'sv', 'sv']);
    expect(['en-US', '', 'fil', 'svx', 'fr'].map(shellLanguage)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  test('every language has every text, none empty, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of ['fi', 'sv'] as const) {
      expect(Object.keys(menuMessages[language]).sort()).toEqual(Object.keys(menuMessages.en).sort());
      for (const [key, text] of Object.entries(menuMessages[language])) {
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(menuMessages.en[key as keyof typeof menuMessages.en]));
      }
    }
  });

  test('placeholders are filled in; an unknown one is left as it is', () => {
    expect(fillMessage(menuMessages.fi.fileTooLarge, { file: 'a.json', size: 12, limit: 10 })).toBe('a.json on liian suuri: 12 Mt, kun enintään 10 Mt on sallittu.');
    expect(fillMessage('{file} {other} {toString}', { file: 'x' })).toBe('x {other} {toString}');
  });

  test('the menu labels come from the message files (none hard-coded)', () => {
    const all = new Set(Object.values(menuMessages).flatMap((m) => Object.values(m)));
    for (const locale of ['fi-FI', 'sv-FI', 'en-US']) {
      for (const label of labels(build(locale).template)) expect(all).toContain(label);
    }
  });

  test('import and export are handled in the main process (nothing is sent to the page)', () => {
    const { template, actions } = build('fi-FI');
    const click = (id: string) => (findItem(template, id)!.click as () => void)();
    expect(findItem(template, 'import-reviews')).toMatchObject({ label: 'Tuo arviointeja…', accelerator: 'CmdOrCtrl+O' });
    expect(findItem(template, 'export-reviews')).toMatchObject({ label: 'Vie arviointeja…', accelerator: 'CmdOrCtrl+E' });
    click('import-reviews');
    click('export-reviews');
    expect(actions).toEqual(['import', 'export']);
  });

  test('developer tools only when not packaged; macOS gets its application menu', () => {
    const roles = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
    expect(roles(build('en-US', false).template)).toContain('toggleDevTools');
    expect(roles(build('en-US', true).template)).not.toContain('toggleDevTools');
    expect(roles(build('en-US', true).template)).toEqual(expect.arrayContaining(['quit', 'undo', 'paste', 'reload', 'zoomIn', 'about']));
    expect(build('en-US', true, 'darwin').template[0]).toEqual({ role: 'appMenu' });
    expect(build('en-US', true, 'win32').template[0]!.label).toBe('File');
  });
});
