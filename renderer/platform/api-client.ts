import type { ApiError, ApiErrorCode, ApiIssue } from '../../electron/contract/api-error.ts';
import { contract, type CallInput, type CallName, type CallOutput } from '../../electron/contract/contract.ts';
import type { Transport } from './transport.ts';

/** A failed call: the backend's typed error (code, message key, details), never a stack trace. */
export class ApiClientError extends Error {
  constructor(readonly callName: CallName, readonly apiError: ApiError) {
    super(`${callName}: ${apiError.code}`);
    this.name = 'ApiClientError';
  }

  get code(): ApiErrorCode {
    return this.apiError.code;
  }

  /** 'errors.<code>' (or 'errors.network' for a transport failure): a key of the renderer's message files. */
  get messageKey(): string {
    return this.apiError.messageKey;
  }

  get issues(): ApiIssue[] {
    return this.apiError.details?.issues ?? [];
  }
}

/**
 * Any failure of a call as an ApiClientError: one the backend reported as it is, anything else (a broken
 * connection, a bug) as 'internal', logged.
 */
export function asApiClientError(name: CallName, error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  console.error(`[api] ${name} failed`, error);
  return new ApiClientError(name, { code: 'internal', messageKey: 'errors.internal' });
}

/** The renderer's only way to the backend: one typed call per contract entry. */
export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export interface ApiClientOptions {
  /** Check every output against the contract's zod schema (development builds): catches drift early. */
  validateOutputs?: boolean;
}

export function createApiClient(transport: Transport, options: ApiClientOptions = {}): ApiClient {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      const response = await transport.invoke(name, input);
      if (!response.ok) throw new ApiClientError(name, response.error);
      if (!options.validateOutputs) return response.output as CallOutput<N>;
      const checked = contract[name].output.safeParse(response.output);
      if (!checked.success) {
        console.error(`[api] ${name}: output breaks the contract`, checked.error.issues);
        throw new ApiClientError(name, { code: 'internal', messageKey: 'errors.internal', details: { reason: 'output-contract' } });
      }
      return checked.data as CallOutput<N>;
    },
  };
}
