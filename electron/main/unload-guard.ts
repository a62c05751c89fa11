import type { ShellMessages } from './menu-messages.ts';

/** What the guard needs from Electron; stand-ins in tests. */
export interface UnloadGuardPorts {
  webContents: { on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown };
  /** dialog.showMessageBoxSync bound to the window: returns the index of the chosen button. */
  askUser: (options: { type: 'warning'; title: string; message: string; buttons: string[]; defaultId: number; cancelId: number }) => number;
}

/**
 * The review editor blocks unloading while saves are pending. Electron would then silently refuse to close the
 * window, so ask: keep editing (the default) or close and lose the unsaved changes.
 */
export function guardUnsavedChanges({ webContents, askUser }: UnloadGuardPorts, messages: ShellMessages): void {
  webContents.on('will-prevent-unload', (event) => {
    const choice = askUser({
      type: 'warning',
      title: messages.unsavedTitle,
      message: messages.unsavedMessage,
      buttons: [messages.unsavedStay, messages.unsavedLeave],
      defaultId: 0,
      cancelId: 0,
    });
    // preventDefault on this event means "ignore the page's beforeunload and leave".
    if (choice === 1) event.preventDefault();
  });
}
