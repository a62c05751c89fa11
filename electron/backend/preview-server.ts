import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { openBackend, type Backend, type BackendOptions } from './backend.ts';

export interface PreviewServerOptions extends Omit<BackendOptions, 'dbFile'> {
  dbFile: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest request body accepted; tests lower it. */
  maxBodyBytes?: number;
}

export interface PreviewServer {
  url: string;
  token: string;
  port: number;
  backend: Backend;
  close(): Promise<void>;
}

/**
 * A review bundle (up to 100 MB, base64 in JSON: about 134 MB) is the largest request; anything larger is refused
 * before it is read. The server listens on 127.0.0.1 only and asks for the session token first.
 */
const MAX_BODY_BYTES = 140 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

/**
 * The browser preview: the built renderer and the same dispatcher Electron uses, on 127.0.0.1 only. Every API
 * request must carry this launch's random token; the page gets it from the URL fragment, which is never sent
 * to a server or kept in the history.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const backend = await openBackend(options);
  const token = randomBytes(32).toString('base64url');
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => sendJson(response, 500, { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    // Refuse other host names (DNS rebinding) and cross-site requests.
    if (request.headers.host !== new URL(origin).host) return sendText(response, 421, 'Misdirected request');
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      // Every refusal before the body is read closes the connection, so a stranger's body is never read.
      if (request.method !== 'POST') return closing(request, response, () => sendText(response, 405, 'Method not allowed'));
      if (request.headers.origin !== undefined && request.headers.origin !== origin) return closing(request, response, () => sendText(response, 403, 'Forbidden'));
      const auth = Buffer.from(request.headers.authorization ?? '');
      if (auth.length !== expectedAuth.length || !timingSafeEqual(auth, expectedAuth)) {
        return closing(request, response, () => sendJson(response, 401, { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized' } }));
      }
      const name = decodedPath(url.pathname.slice('/api/'.length));
      if (name === undefined) return closing(request, response, () => sendText(response, 400, 'Bad request: malformed URL'));
      const body = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
      if (body === undefined) {
        return closing(request, response, () => sendJson(response, 413, { ok: false, error: { code: 'invalid-input', messageKey: 'errors.invalid-input', details: { reason: 'too-large' } } }));
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', messageKey: 'errors.invalid-input', details: { reason: 'not-json' } } });
      }
      return sendJson(response, 200, await backend.dispatch(name, input));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    return serveStatic(options.staticDir, url.pathname, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/#token=${token}`,
    token,
    port: address.port,
    backend,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        backend.close();
        resolve();
      });
    }),
  };
}

/** A percent-decoded path, or undefined when its escapes are malformed ("/%", "/%E0%A4%A"): a 400, not a 500. */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Answers, then drops the connection once the answer is out: the rest of the request body is never read. */
function closing(request: IncomingMessage, response: ServerResponse, answer: () => void): void {
  response.setHeader('Connection', 'close');
  response.on('finish', () => request.destroy());
  answer();
}

/** The body, or undefined when it is (or says it is) larger than `limit`, without reading past the limit. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function serveStatic(root: string, pathname: string, response: ServerResponse) {
  const decoded = decodedPath(pathname === '/' ? '/index.html' : pathname);
  if (decoded === undefined) return sendText(response, 400, 'Bad request: malformed URL');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return sendText(response, 404, 'Not found');
  try {
    if (!(await stat(file)).isFile()) return sendText(response, 404, 'Not found');
  } catch {
    if (relative === 'index.html') return sendText(response, 503, 'The renderer is not built yet: run `npm run build:renderer`.');
    return sendText(response, 404, 'Not found');
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(await readFile(file));
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
