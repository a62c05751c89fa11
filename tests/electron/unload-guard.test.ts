import { describe, expect, test } from 'vitest';
import { menuMessages } from '../../electron/main/menu-messages.ts';
import { guardUnsavedChanges } from '../../electron/main/unload-guard.ts';

function harness(choice: number) {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const asked: unknown[] = [];
  guardUnsavedChanges({
    webContents: { on: (_event, l) => { listener = l; } },
    askUser: (options) => { asked.push(options); return choice; },
  }, menuMessages.fi);
  let prevented = false;
  listener?.({ preventDefault: () => { prevented = true; } });
  return { prevented, asked };
}

describe('closing with unsaved changes', () => {
  test('asks in the UI language, and keeps the window when the user stays', () => {
    const { prevented, asked } = harness(0);
    expect(prevented).toBe(false);
    expect(asked).toEqual([expect.objectContaining({ title: 'Tallentamattomia muutoksia', buttons: ['Jatka muokkausta', 'Sulje silti'], defaultId: 0, cancelId: 0 })]);
  });

  test('leaves when the user chooses to close anyway', () => {
    expect(harness(1).prevented).toBe(true);
  });
});
