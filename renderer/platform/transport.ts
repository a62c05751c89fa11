import type { ApiResponse } from '../../electron/contract/api-error.ts';
import type { CallName } from '../../electron/contract/contract.ts';

/**
 * How the renderer reaches the backend: Electron IPC in the desktop app, HTTP in the browser preview.
 * Both carry the same call names and the same ApiResponse envelope, so nothing above this layer knows which.
 */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<ApiResponse>;
}

/** A failure of the transport itself (no answer, not JSON), in the same shape as the backend's errors. */
export function transportFailure(reason: string): ApiResponse<never> {
  return { ok: false, error: { code: 'internal', messageKey: 'errors.network', details: { reason } } };
}
