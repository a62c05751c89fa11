import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/preview-server.ts';
import { readExample } from '../fixtures/ratings.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/** A policy as directive -> sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources];
  }));
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the built renderer and its Content-Security-Policy', () => {
  const dir = inject('rendererDir');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');

  test('index.html carries the same policy as the HTTP header (less frame-ancestors, which a meta tag cannot set)', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'a CSP meta tag').not.toBeNull();
    const fromMeta = parsePolicy(decode(meta![1]!));
    const fromHeader = parsePolicy(CONTENT_SECURITY_POLICY);
    fromHeader.delete('frame-ancestors');
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(fromHeader));
  });

  test('the policy allows no inline script or style, no eval and no remote origin', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:'], `${name} ${source}`).toContain(source);
        if (source === 'data:') expect(name).toBe('img-src');
      }
    }
  });

  test('every script and stylesheet of the build is a same-origin file; no inline script or handler anywhere', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\.?\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<style\b/i);
    for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
      const text = readFileSync(join(dir, 'assets', file), 'utf8');
      // A remote font, stylesheet or script would be blocked at run time; none may be referenced at all.
      expect(text, file).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
      expect(text, file).not.toMatch(/url\(\s*["']?https?:\/\//i);
    }
  });
});

describe('no screen trips the policy in Chromium', { timeout: 180_000 }, () => {
  let app: PreviewApp;
  let reviewId: number;
  let siteId: number;
  beforeAll(async () => {
    app = await startPreviewApp();
    ({ reviewId, siteId } = await app.call('reviews.importFile', { file: readExample('full-review.json') }));
  });
  afterAll(async () => app?.close());

  test('every route renders with the policy enforced and no violation is reported', async () => {
    const { page, errors } = await app.open({
      beforeLoad: (p) => p.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
      }),
    });
    const routes = ['#/sites', `#/sites/${siteId}`, `#/reviews/${reviewId}`, `#/reviews/${reviewId}/consensus`, `#/reviews/${reviewId}/plan`,
      `#/reviews/${reviewId}/report`, `#/reviews/${reviewId}/actions`, '#/verify', '#/compare', '#/exchange', '#/settings/trusted-signers'];
    for (const route of routes) {
      await page.evaluate((hash) => { window.location.hash = hash; }, route);
      await page.waitForFunction(() => document.querySelector('main h1') !== null);
      await page.waitForTimeout(300);
      const headings = await page.locator('main h1').count();
      expect(headings, route).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
