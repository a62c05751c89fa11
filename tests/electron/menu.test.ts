import { describe, expect, test } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu.ts';
import { menuMessages, shellLanguage, shellMessages } from '../../electron/main/menu-messages.ts';
import type { MenuAction } from '../../electron/contract/bridge.ts';

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
    expect(labels(template)).toEqual(expect.arrayContaining(['Tuo arviointitiedosto…', 'Vie arviointitiedosto…', 'Lopeta', 'Kopioi']));
  });

  test('English for en-US, and for Swedish until it is translated', () => {
    expect(build('en-US').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(build('en-US').template)).toEqual(expect.arrayContaining(['Import review file…', 'Export review file…', 'Quit']));
    expect(build('sv-FI').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  test('language choice', () => {
    expect(['fi', 'fi-FI', 'FI_fi', 'fi-SE'].map(shellLanguage)).toEqual(['fi', 'fi', 'fi', 'fi']);
    expect(['en-US', 'sv', 'sv-FI', '', 'fil', 'fr'].map(shellLanguage)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });

  test('every Finnish text has an English one and no text is empty', () => {
    expect(Object.keys(menuMessages.en).sort()).toEqual(Object.keys(menuMessages.fi).sort());
    for (const messages of Object.values(menuMessages)) {
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
    }
  });

  test('the menu labels come from the message files (none hard-coded)', () => {
    const all = new Set(Object.values(menuMessages).flatMap((m) => Object.values(m)));
    for (const locale of ['fi-FI', 'en-US']) {
      for (const label of labels(build(locale).template)) expect(all).toContain(label);
    }
  });

  test('import and export ask the page', () => {
    const { template, actions } = build('fi-FI');
    const click = (id: string) => (findItem(template, id)!.click as () => void)();
    click('import-review');
    click('export-review');
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
