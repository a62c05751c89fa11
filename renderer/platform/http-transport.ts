import { ApiResponse } from '../../electron/contract/api-error.ts';
import type { CallName } from '../../electron/contract/contract.ts';
import { transportFailure, type Transport } from './transport.ts';

const TOKEN_KEY = 'ips.previewToken';

/**
 * The browser preview's per-launch token: the server prints it in the URL fragment (#token=...), which never
 * reaches a server or the history. It is kept in sessionStorage so a reload still works, and removed from the
 * visible URL at once.
 */
export function takePreviewToken(location: Location, history: History, storage: Storage): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(history.state, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

/** POST /api/<callName> with the call's input as JSON and the bearer token. */
export function createHttpTransport(token: string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return {
    async invoke(name: CallName, input: unknown) {
      let response: Response;
      try {
        response = await fetchImpl(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return transportFailure('no-connection');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return transportFailure(`http-${response.status}`);
      }
      const parsed = ApiResponse.safeParse(body);
      return parsed.success ? parsed.data : transportFailure('malformed-response');
    },
  };
}
