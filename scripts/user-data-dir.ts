import { posix, win32 } from 'node:path';

/**
 * The per-user data folder for the browser preview's database when `npm start` cannot run Electron:
 * Linux and other Unix: $XDG_CONFIG_HOME (an absolute path, per the XDG spec) or ~/.config;
 * Windows: %APPDATA%; macOS: ~/Library/Application Support. These are the folders Electron's userData uses, so the
 * desktop app and the preview fallback open the same database.
 */
export function userDataDir(options: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  appName?: string;
}): string {
  const { platform, env, homeDir } = options;
  const appName = options.appName ?? 'ips-fidelity';
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(homeDir, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return posix.join(homeDir, 'Library', 'Application Support', appName);
  const xdg = env.XDG_CONFIG_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homeDir, '.config'), appName);
}
