import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../electron/contract/api-error.ts';
import { parseRoute, hrefFor } from '../../renderer/app/routes.ts';
import { ApiClientError, createApiClient } from '../../renderer/platform/api-client.ts';
import { createHttpTransport, takePreviewToken } from '../../renderer/platform/http-transport.ts';
import { createIpcTransport } from '../../renderer/platform/ipc-transport.ts';
import type { Transport } from '../../renderer/platform/transport.ts';
import { fieldProblemsFrom, toSiteChanges, toSiteInput, UNLISTED_REGION, valuesFromSite } from '../../renderer/sites/site-form-values.ts';

const site = {
  id: 7, name: 'Kuopion IPS', region: { id: 2, code: '13' as const, name: 'Pohjois-Savon hyvinvointialue' }, organisation: null, collaborationModel: 2 as const,
  collaborationNote: null, active: true, createdAt: '2026-11-23T12:00:00.000Z', updatedAt: '2026-11-23T12:00:00.000Z',
};

const answering = (response: ApiResponse): Transport & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return { calls, invoke: async (name, input) => (calls.push([name, input]), response) };
};

describe('typed API client', () => {
  it('returns the output of a successful call', async () => {
    const transport = answering({ ok: true, output: [site] });
    const sites = await createApiClient(transport).call('sites.list', { search: 'kuo' });
    expect(sites[0]?.name).toBe('Kuopion IPS');
    expect(transport.calls).toEqual([['sites.list', { search: 'kuo' }]]);
  });

  it('throws an ApiClientError carrying code, message key and issues', async () => {
    const error = { code: 'invalid-input' as const, messageKey: 'errors.invalid-input', details: { issues: [{ path: 'name', code: 'too_small', message: 'Too small' }] } };
    const failure = await createApiClient(answering({ ok: false, error })).call('sites.create', { name: '' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiClientError);
    expect((failure as ApiClientError).code).toBe('invalid-input');
    expect((failure as ApiClientError).messageKey).toBe('errors.invalid-input');
    expect((failure as ApiClientError).issues).toEqual(error.details.issues);
  });

  it('with output validation on, refuses an output that breaks the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createApiClient(answering({ ok: true, output: [{ id: 'x' }] }), { validateOutputs: true });
    await expect(client.call('regions.list', {})).rejects.toMatchObject({ code: 'internal', apiError: { details: { reason: 'output-contract' } } });
    vi.restoreAllMocks();
  });
});

describe('HTTP transport (browser preview)', () => {
  it('POSTs the input as JSON to /api/<name> with the bearer token', async () => {
    const fetchStub = vi.fn(async () => new Response(JSON.stringify({ ok: true, output: [] }), { status: 200 }));
    const response = await createHttpTransport('abc', fetchStub).invoke('regions.list', {});
    expect(response).toEqual({ ok: true, output: [] });
    const [url, init] = fetchStub.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/regions.list');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer abc');
    expect(init.body).toBe('{}');
  });

  it("passes the server's 401 'unauthorized' answer on as it is", async () => {
    const body = { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized' } };
    const response = await createHttpTransport(null, async () => new Response(JSON.stringify(body), { status: 401 })).invoke('regions.list', {});
    expect(response).toEqual(body);
  });

  it('turns no connection or a non-JSON answer into a typed error, never a throw', async () => {
    const offline = await createHttpTransport('t', async () => Promise.reject(new TypeError('Failed to fetch'))).invoke('regions.list', {});
    expect(offline).toMatchObject({ ok: false, error: { code: 'internal', messageKey: 'errors.network' } });
    const html = await createHttpTransport('t', async () => new Response('<html>', { status: 502 })).invoke('regions.list', {});
    expect(html).toMatchObject({ ok: false, error: { messageKey: 'errors.network', details: { reason: 'http-502' } } });
  });

  it('takes the token from #token=…, keeps it in sessionStorage and removes it from the URL', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const replaceState = vi.fn();
    const location = { hash: '#token=Ab_9-z', pathname: '/', search: '' } as Location;
    expect(takePreviewToken(location, { state: null, replaceState } as unknown as History, storage)).toBe('Ab_9-z');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
    // After a reload the hash is gone: the stored token is used.
    expect(takePreviewToken({ ...location, hash: '' }, { state: null, replaceState } as unknown as History, storage)).toBe('Ab_9-z');
    expect(replaceState).toHaveBeenCalledTimes(1);
  });
});

describe('IPC transport (Electron)', () => {
  it('calls window.ipsApi.invoke and turns a rejected promise into a typed error', async () => {
    const ok = await createIpcTransport({ invoke: async (name) => ({ ok: true, output: name }) }).invoke('scales.list', {});
    expect(ok).toEqual({ ok: true, output: 'scales.list' });
    const broken = await createIpcTransport({ invoke: async () => Promise.reject(new Error('gone')) }).invoke('scales.list', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'internal', messageKey: 'errors.network' } });
  });
});

describe('hash routes', () => {
  it('parses and builds #/sites and #/sites/ID', () => {
    expect(parseRoute('')).toEqual({ name: 'sites' });
    expect(parseRoute('#/sites')).toEqual({ name: 'sites' });
    expect(parseRoute('#/sites/12')).toEqual({ name: 'site', siteId: 12 });
    expect(parseRoute('#/sites/12/compare')).toEqual({ name: 'site-compare', siteId: 12 });
    expect(parseRoute('#/sites/12/compare/x')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/sites/0')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/nothing')).toEqual({ name: 'not-found' });
    expect(hrefFor({ name: 'site', siteId: 12 })).toBe('#/sites/12');
  });

  it('every route survives a round trip through its href', () => {
    const routes = [
      { name: 'sites' }, { name: 'site', siteId: 3 }, { name: 'new-review', siteId: 3 }, { name: 'site-compare', siteId: 3 }, { name: 'review', reviewId: 7 },
      { name: 'consensus', reviewId: 7 }, { name: 'visit-plan', reviewId: 7 }, { name: 'report', reviewId: 7 }, { name: 'verify' },
      { name: 'settings' }, { name: 'trusted-signers' },
    ] as const;
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute('#/reviews/7/unknown')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/reviews/07')).toEqual({ name: 'not-found' });
  });
});

describe('site form values', () => {
  it('sends blank optional fields as null, the region as its code and the model as a number', () => {
    expect(toSiteInput({ name: 'A', regionCode: '', organisation: '', collaborationModel: '1', collaborationNote: 'ignored' })).toEqual({
      name: 'A', regionCode: null, organisation: null, collaborationModel: 1, collaborationNote: null,
    });
    expect(toSiteInput({ name: 'A', regionCode: '08', organisation: '', collaborationModel: 'other', collaborationNote: 'Yhteinen tiimi' })).toEqual({
      name: 'A', regionCode: '08', organisation: null, collaborationModel: 'other', collaborationNote: 'Yhteinen tiimi',
    });
  });

  it('an edit sends only the fields that changed', () => {
    expect(toSiteChanges(site, { name: 'Kuopion IPS', regionCode: '13', organisation: 'Psykiatria', collaborationModel: 'none', collaborationNote: '' })).toEqual({
      organisation: 'Psykiatria', collaborationModel: null, collaborationNote: null,
    });
    expect(toSiteChanges(site, { name: 'Kuopion IPS', regionCode: '90', organisation: '', collaborationModel: '2', collaborationNote: '' })).toEqual({ regionCode: '90' });
  });

  it('a free-text region kept by migration 013 is not sent until a listed one is chosen', () => {
    const unlisted = { ...site, region: { id: 30, code: null, name: 'HUS' } };
    const values = valuesFromSite(unlisted);
    expect(values.regionCode).toBe(UNLISTED_REGION);
    expect(toSiteChanges(unlisted, values)).toEqual({});
    expect(toSiteChanges(unlisted, { ...values, regionCode: '04' })).toEqual({ regionCode: '04' });
  });

  it('maps API issue paths (name, changes.name) to form fields', () => {
    expect(fieldProblemsFrom([
      { path: 'changes.name', code: 'too_small', message: '' },
      { path: 'organisation', code: 'too_big', message: '' },
      { path: 'id', code: 'invalid_type', message: '' },
    ])).toEqual({ fields: { name: 'required', organisation: 'tooLong' }, other: [{ path: 'id', code: 'invalid_type', message: '' }] });
  });
});
