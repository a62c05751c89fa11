import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillMessage, type ShellMessages } from './menu-messages.ts';

/** The extension the installers associate with the app (electron-builder.json fileAssociations). */
export const ASSOCIATED_EXTENSION = '.ipsreview';

export interface PathContext {
  /** The folder the command was run in: process.cwd(), or the workingDirectory of 'second-instance'. */
  cwd: string;
  /** Decides how paths are read: Windows paths (C:\…, backslashes) or POSIX ones. */
  platform: NodeJS.Platform;
}

export interface CommandLineContext extends PathContext {
  /** Whether the path names an existing regular file (statSync in the app, a stand-in in tests). */
  isFile: (path: string) => boolean;
}

/**
 * Why a name from outside the app is not opened. `network-path`: a Windows UNC or device path (\\server\share\…,
 * \\?\UNC\…, //server/share/…, \\.\…) or a file:// URL naming another host, which Windows would read over SMB;
 * `url`: any other URL (http:, smb:, a custom scheme, a malformed file: URL). `named` is what was given, to show.
 */
export interface NotLocalRefusal {
  reason: 'network-path' | 'url';
  named: string;
}

export type OpenedPath = { ok: true; path: string } | { ok: false; refusal: NotLocalRefusal };

/** A URL scheme of two letters or more: a single letter (C:\, C:/) is a Windows drive, not a scheme. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;
/** Two separators first: \\server\share, //server/share, \\?\…, \\.\… . */
const DOUBLE_SEPARATOR = /^[\\/]{2}/;
/** A long local path, \\?\C:\…: the only double-separator form that names this machine's own disk. */
const LONG_LOCAL_PATH = /^[\\/]{2}\?[\\/][a-z]:[\\/]/i;

/**
 * The absolute local path a name from outside the app stands for, or why it is refused. Only files on this
 * machine are read: the app must never reach out to a server because a command line, a shortcut or the OS named
 * one (a hostile link could otherwise make Windows send the user's credentials to that server). A plain path is
 * taken from `cwd`; a file:// URL counts only without a host (file:///…, file://localhost/…). On Windows a path
 * that resolves to a UNC or device path is refused, also when it got there through a UNC `cwd`. (A mapped
 * network drive, Z:\, looks local and is read like one; the user mapped it.)
 */
export function localPathOf(named: string, context: PathContext): OpenedPath {
  const windows = context.platform === 'win32';
  const refuse = (reason: NotLocalRefusal['reason']): OpenedPath => ({ ok: false, refusal: { reason, named } });
  let plain = named;
  if (URL_SCHEME.test(named)) {
    if (!/^file:/i.test(named)) return refuse('url');
    let url: URL;
    try {
      url = new URL(named);
    } catch {
      return refuse('url');
    }
    // WHATWG folds file://localhost/ to an empty host; anything left names another machine.
    if (url.host !== '') return refuse('network-path');
    try {
      plain = fileURLToPath(url, { windows });
    } catch {
      return refuse('url');
    }
  }
  if (!windows) return { ok: true, path: posix.resolve(context.cwd, plain) };
  if (DOUBLE_SEPARATOR.test(plain) && !LONG_LOCAL_PATH.test(plain)) return refuse('network-path');
  const absolute = win32.resolve(context.cwd, plain);
  if (DOUBLE_SEPARATOR.test(absolute) && !LONG_LOCAL_PATH.test(absolute)) return refuse('network-path');
  return { ok: true, path: absolute };
}

/** Whether a name (a path, or the path part of a URL) ends in the associated extension. */
function namesBundle(named: string): boolean {
  const withoutQuery = URL_SCHEME.test(named) ? named.replace(/[?#].*$/s, '') : named;
  return withoutQuery.toLowerCase().endsWith(ASSOCIATED_EXTENSION);
}

export interface OpenedBundles {
  /** Local bundles to open, absolute, each once, in order. */
  paths: string[];
  /** Bundles named by a network path or a URL: never read, the user is told why. */
  refused: NotLocalRefusal[];
}

/**
 * The .ipsreview bundles a command line asks the app to open. This is how a double-click arrives on Windows
 * ("…\IPS Fidelity.exe" "C:\…\x.ipsreview") and Linux (the desktop entry's %U, a path or a file:// URL), at first
 * start in process.argv and later in the argv of 'second-instance'. (macOS sends 'open-file' events instead,
 * checked with localPathOf too.)
 *
 * argv[0] is the executable. Switches (-x, --flag, --flag=value) are Electron's or Chromium's and are never read
 * as files, nor is the app folder of a development start (`electron .`). A name that is not an existing file is
 * dropped: a stale shortcut must not start an import. A bundle named by a UNC path or a URL is refused before
 * anything looks at it (not even whether it exists, which on a share would already reach the server).
 */
export function openedBundlesFromArgv(argv: readonly string[], context: CommandLineContext): OpenedBundles {
  const found: OpenedBundles = { paths: [], refused: [] };
  for (const arg of argv.slice(1)) {
    if (arg === '' || arg.startsWith('-') || !namesBundle(arg)) continue;
    const opened = localPathOf(arg, context);
    if (!opened.ok) {
      if (!found.refused.some((r) => r.named === arg)) found.refused.push(opened.refusal);
      continue;
    }
    if (!opened.path.toLowerCase().endsWith(ASSOCIATED_EXTENSION)) continue;
    if (!found.paths.includes(opened.path) && context.isFile(opened.path)) found.paths.push(opened.path);
  }
  return found;
}

/** The refusal in the user's language, for the error dialog the main process shows. */
export function notLocalText(messages: ShellMessages, refusal: NotLocalRefusal): string {
  const file = refusal.named.length > 200 ? `${refusal.named.slice(0, 199)}…` : refusal.named;
  return fillMessage(refusal.reason === 'network-path' ? messages.fileOnNetwork : messages.fileNotLocal, { file });
}
