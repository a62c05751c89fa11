import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';

/** A trust call's refusal in words: the issue's code (or the conflict's reason) when there is a message for it. */
export function useTrustErrorText(): (error: ApiClientError) => string {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback((error: ApiClientError) => {
    const reason = (error.apiError.details as { reason?: unknown } | undefined)?.reason;
    const code = error.issues[0]?.code ?? (typeof reason === 'string' ? reason : undefined);
    const key = `trust.errors.${code}`;
    return code && i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : errorMessage(error);
  }, [t, i18n, errorMessage]);
}
