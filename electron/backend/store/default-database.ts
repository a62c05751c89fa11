import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { userDataDir } from '../../../scripts/user-data-dir.ts';

/**
 * The app's database file name inside Electron's userData folder. electron/main/main.ts (DATABASE_FILE_NAME) and
 * scripts/start.ts (the preview fallback) use the same name; a test checks that they stay the same.
 */
export const DATABASE_FILE_NAME = 'ips-fidelity.sqlite';

/**
 * The database the desktop app opens for this user, for command-line tools run without --db: Electron's userData
 * folder (the same rule as `npm start`'s preview fallback, scripts/user-data-dir.ts) plus the file name.
 */
export function defaultDatabaseFile(options: { platform?: NodeJS.Platform; env?: Record<string, string | undefined>; homeDir?: string } = {}): string {
  const platform = options.platform ?? process.platform;
  const folder = userDataDir({ platform, env: options.env ?? process.env, homeDir: options.homeDir ?? homedir() });
  return (platform === 'win32' ? win32 : posix).join(folder, DATABASE_FILE_NAME);
}
