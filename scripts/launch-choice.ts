/**
 * What `npm start` opens. The npm package `electron` exports the path of its binary, but throws when the binary
 * was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no network); then the browser preview is the app.
 */
export type LaunchChoice =
  | { mode: 'electron'; binary: string }
  | { mode: 'preview'; notice: string };

export const PREVIEW_NOTICE =
  "Electron's binary is not installed here (npm ci was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without network); " +
  'starting the browser preview instead.';

export function chooseLaunch(options: { electronBinary: string | undefined; exists: (path: string) => boolean }): LaunchChoice {
  const { electronBinary, exists } = options;
  if (electronBinary !== undefined && electronBinary !== '' && exists(electronBinary)) return { mode: 'electron', binary: electronBinary };
  return { mode: 'preview', notice: PREVIEW_NOTICE };
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
