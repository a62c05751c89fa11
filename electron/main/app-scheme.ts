import { readFile as readFileFromDisk } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../backend/preview-server.ts';

/**
 * The page's own origin: `app://ips-fidelity/`, served from the built renderer folder (dist/renderer, inside
 * app.asar when packaged) by a handler the main process installs with protocol.handle. Electron's security
 * checklist (item 18) recommends a custom scheme over file://: a file:// page shares its origin with every
 * local file, while this origin holds only the renderer's files and is answered by our code, with our headers.
 *
 * The host name is fixed; any other host is refused, so nothing else can pose as the page (the IPC sender
 * check and the navigation rules compare the full page URL).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ips-fidelity';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * What the scheme is registered with (protocol.registerSchemesAsPrivileged, before 'ready'). `standard` gives it
 * an origin, relative URLs and storage like https; `secure` makes it a secure context (no mixed-content
 * warnings). Nothing else: not bypassCSP (the policy must apply), not corsEnabled (no other origin may read
 * these files; the page's own module scripts are same-origin, which needs no CORS), not supportFetchAPI (the page
 * talks to the backend over IPC, never fetch), no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

/** Reads a file whole; rejects for a missing file or a folder. fs.promises.readFile (asar-aware in Electron). */
export type FileReader = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

/** Built renderer files by extension; anything else is served as bytes the browser will not sniff into a script. */
const SERVED_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Headers on every answer, files and refusals alike. */
const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const refusal = (status: 400 | 404 | 405, text: string) =>
  new Response(text, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The file under `root` a request names, or why not. Each path segment is percent-decoded on its own, and a
 * decoded segment that is empty, `.` or `..`, or holds a slash, a backslash, a colon (a drive letter, an NTFS
 * stream) or a NUL is refused, so neither `/../`, `%2e%2e`, `%2f`, `..%5c` nor `C:` can leave the folder.
 * The resolved path is then checked to lie inside `root` as well.
 */
export function appFileFor(url: string, root: string): { ok: true; file: string } | { ok: false; status: 400 | 404 } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return { ok: false, status: 404 };
  // Read from the URL as written too: Node's URL already folds plain dot segments, Chromium may leave others.
  const rawPath = /^[a-z]+:\/\/[^/?#\\]*([^?#]*)/i.exec(url)?.[1] ?? parsed.pathname;
  if (rawPath.includes('\\')) return { ok: false, status: 400 };
  const segments: string[] = [];
  const encodedSegments = rawPath.split('/').slice(1);
  // A folder (…/assets/) or the bare origin: nothing to serve.
  if (encodedSegments.at(-1) === '' || encodedSegments.length === 0) return { ok: false, status: 404 };
  for (const encoded of encodedSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return { ok: false, status: 400 };
    segments.push(segment);
  }
  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 400 };
  return { ok: true, file };
}

/**
 * The handler of `app://`: GET (or HEAD) of a file under `root` with the app's Content-Security-Policy; anything
 * else is refused (400 for a malformed or escaping path, 404 for another host, a missing file or a folder, 405
 * for another method). Pure apart from `readFile`, so it is tested in plain Node with WHATWG Request/Response.
 */
export function createAppSchemeHandler(root: string, readFile: FileReader = readFileFromDisk): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
    const target = appFileFor(request.url, root);
    if (!target.ok) return target.status === 400 ? refusal(400, 'Bad request') : refusal(404, 'Not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(target.file);
    } catch {
      return refusal(404, 'Not found');
    }
    const headers = { ...COMMON_HEADERS, 'Content-Type': SERVED_TYPES[extname(target.file).toLowerCase()] ?? 'application/octet-stream' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** The part of Electron's protocol module used here; a recording stand-in in tests. */
export interface ProtocolPort {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }>): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Before 'ready' (Electron accepts privileges only then): app:// becomes a standard, secure scheme. */
export function registerAppSchemePrivileges(protocol: Pick<ProtocolPort, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * After 'ready': app:// answers from `rendererDir`, and file:// answers nothing at all in the app's session, so
 * neither the window nor anything it loads can read a local file through the browser side (the main process
 * reads the files the user opens, with fs). Together with the grantFileProtocolExtraPrivileges fuse off
 * (electron-builder.json), a file:// page would have no special powers even if one were ever shown.
 */
export function serveAppScheme(protocol: Pick<ProtocolPort, 'handle'>, rendererDir: string, readFile: FileReader = readFileFromDisk): void {
  protocol.handle(APP_SCHEME, createAppSchemeHandler(rendererDir, readFile));
  protocol.handle('file', () => refusal(404, 'Not found'));
}
