import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extension the installers associate with the app (electron-builder.json fileAssociations). */
export const ASSOCIATED_EXTENSION = '.ipsreview';

export interface CommandLineContext {
  /** The folder the command was run in: process.cwd(), or the workingDirectory of 'second-instance'. */
  cwd: string;
  /** Decides how paths are read: Windows paths (C:\…, backslashes) or POSIX ones. */
  platform: NodeJS.Platform;
  /** Whether the path names an existing regular file (statSync in the app, a stand-in in tests). */
  isFile: (path: string) => boolean;
}

/**
 * The .ipsreview bundles a command line asks the app to open, as absolute paths, each once, in order. This is how
 * a double-click arrives on Windows ("…\IPS Fidelity.exe" "C:\…\x.ipsreview") and Linux (the desktop entry's %U,
 * a path or a file:// URL), at first start in process.argv and later in the argv of 'second-instance'. (macOS
 * sends 'open-file' events instead.)
 *
 * argv[0] is the executable. Switches (-x, --flag, --flag=value) are Electron's or Chromium's and are never read
 * as files, nor is the app folder of a development start (`electron .`). A relative path is taken from `cwd`. A
 * name that is not an existing file is dropped: a stale shortcut must not start an import.
 */
export function bundlePathsFromArgv(argv: readonly string[], context: CommandLineContext): string[] {
  const path = context.platform === 'win32' ? win32 : posix;
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '' || arg.startsWith('-')) continue;
    const named = fromFileUrl(arg, context.platform);
    if (named === null || !named.toLowerCase().endsWith(ASSOCIATED_EXTENSION)) continue;
    const absolute = path.resolve(context.cwd, named);
    if (!found.includes(absolute) && context.isFile(absolute)) found.push(absolute);
  }
  return found;
}

/** A plain path as it is; a file:// URL as its path; any other URL (http:, a custom scheme) is not a file. */
function fromFileUrl(arg: string, platform: NodeJS.Platform): string | null {
  // A drive letter (C:\, C:/) looks like a URL scheme but is a Windows path.
  if (!/^[a-z][a-z0-9+.-]+:/i.test(arg)) return arg;
  if (!/^file:/i.test(arg)) return null;
  try {
    return fileURLToPath(arg, { windows: platform === 'win32' });
  } catch {
    return null;
  }
}
