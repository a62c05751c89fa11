/**
 * What `npm start` opens. The npm package `electron` exports the path of its binary, but throws when the binary
 * was never downloaded (npm ci skips it; npm start fetches it when it can); then the browser preview is the app.
 */
export type LaunchChoice =
  | { mode: 'electron'; binary: string }
  | { mode: 'preview'; notice: string };

/** One line: why there is no desktop window, and what opens instead. */
export const previewNotice = (reason: string) => `Electron's binary is not installed here (${reason}); starting the browser preview instead.`;

export function chooseLaunch(options: { electronBinary: string | undefined; exists: (path: string) => boolean; missingReason?: string }): LaunchChoice {
  const { electronBinary, exists, missingReason = 'it was not downloaded' } = options;
  if (electronBinary !== undefined && electronBinary !== '' && exists(electronBinary)) return { mode: 'electron', binary: electronBinary };
  return { mode: 'preview', notice: previewNotice(missingReason) };
}

/** What the electron package exports when required from Node: the binary's path, or undefined when the package says it is missing. */
export function electronBinaryPath(requireModule: (id: string) => unknown): string | undefined {
  try {
    const exported = requireModule('electron');
    return typeof exported === 'string' ? exported : undefined;
  } catch {
    return undefined;
  }
}
