import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/backend/preview-server.ts';
import { tempDbFile } from '../fixtures/backend.ts';

let server: PreviewServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'ips-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>IPS</title>');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'outside');
  server = await startPreviewServer({ dbFile: tempDbFile(), staticDir, actor: 'tester', log: () => {} });
});
afterAll(() => server.close());

/** Raw HTTP, so the test controls every header (fetch would set Host and Origin itself). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const api = (name: string, input: unknown, headers: Record<string, string> = { authorization: `Bearer ${server.token}` }) =>
  send(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('browser preview server', () => {
  test('listens on 127.0.0.1 with a random per-launch token in the URL fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('the API answers with the token and the same dispatcher as Electron', async () => {
    const created = await api('sites.create', { name: 'Oulu' });
    expect(created.status).toBe(200);
    const body = JSON.parse(created.body);
    expect(body).toMatchObject({ ok: true, output: { name: 'Oulu' } });
    expect(await server.backend.dispatch('sites.get', { id: body.output.id })).toMatchObject({ ok: true, output: { name: 'Oulu' } });
  });

  test('no token, a wrong token, another host or another origin are refused', async () => {
    expect((await api('sites.list', {}, {})).status).toBe(401);
    const wrong = await api('sites.list', {}, { authorization: `Bearer ${'A'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await api('sites.list', {}, { authorization: `Bearer ${server.token}`, host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await api('sites.list', {}, { authorization: `Bearer ${server.token}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('/api/sites.list')).status).toBe(405);
  });

  test('malformed bodies get typed errors', async () => {
    const notJson = await send('/api/sites.list', { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'not-json' } } });
    // Declared too large: refused from the header, before a byte of the body is read.
    const declared = await send('/api/reviews.importFile', { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-length': String(141 * 1024 * 1024) }, body: '{}' });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'too-large' } } });
    expect(JSON.parse((await api('no.such', {})).body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  test('a body streamed past the limit is refused with 413 and the connection closed', async () => {
    const small = await startPreviewServer({ dbFile: tempDbFile(), staticDir, actor: 'tester', log: () => {}, maxBodyBytes: 1024 * 1024 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: small.port, path: '/api/reviews.importFile', method: 'POST', headers: { host: `127.0.0.1:${small.port}`, authorization: `Bearer ${small.token}`, 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        for (let i = 0; i < 3; i++) req.write(Buffer.alloc(512 * 1024, 0x20));
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      await small.close();
    }
  });

  test('malformed percent-escapes in a path are a 400, never a 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) expect((await send(path)).status, path).toBe(400);
    expect((await send('/api/%', { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{}' })).status).toBe(400);
  });

  test('a request without the token is answered and its connection closed before its body is read', async () => {
    const total = 200 * 1024 * 1024;
    const outcome = await new Promise<{ status: number; connection: unknown; sent: number }>((resolve, reject) => {
      let status = 0;
      let connection: unknown;
      const req = request({
        host: '127.0.0.1', port: server.port, path: '/api/reviews.importFile', method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-length': String(total) },
      }, (res) => {
        status = res.statusCode ?? 0;
        connection = res.headers.connection;
        res.resume();
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let offered = 0;
      req.on('error', () => {}); // the server hangs up mid-body: that is the point
      req.on('close', () => resolve({ status, connection, sent: req.socket?.bytesWritten ?? 0 }));
      // Keep offering the body as fast as the server takes it; a server that drained it would take all 200 MB.
      const pump = () => {
        while (!req.destroyed && offered < total) {
          offered += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
      setTimeout(() => reject(new Error(`still open after ${offered} bytes`)), 30_000).unref();
    });
    expect(outcome.status).toBe(401);
    // The server says it hangs up (instead of keeping the connection to read or drain the rest) and does.
    expect(outcome.connection).toBe('close');
    // What the kernel's socket buffers took before the hang-up, far from the 200 MB a drained request would take.
    expect(outcome.sent).toBeLessThan(32 * 1024 * 1024);
  });

  test('JSON nested 300,000 deep and a lone surrogate are refused as invalid input, not an internal error', async () => {
    const deep = await send('/api/reviews.importFile', { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: `{"file":${'['.repeat(300_000)}${']'.repeat(300_000)}}` });
    expect(JSON.parse(deep.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'too-deep', max: 64 } } });
    const lone = await send('/api/sites.create', { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{"name":"Kuopio \\ud800"}' });
    expect(JSON.parse(lone.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'not-well-formed-unicode', path: 'name' } } });
  });

  test('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>IPS</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await send('/../secret.txt')).status).toBe(404);
    expect((await send('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await send('/missing.js')).status).toBe(404);
  });
});
