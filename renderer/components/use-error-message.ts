import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientError } from '../platform/api-client.ts';

/** The ApiError's message key ('errors.<code>') in the UI language; an unknown key reads as 'errors.internal'. */
export function useErrorMessage(): (error: ApiClientError) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: ApiClientError) => {
      const key = error.messageKey.startsWith('errors.') && i18n.exists(error.messageKey) ? error.messageKey : 'errors.internal';
      return t(key as 'errors.internal');
    },
    [t, i18n],
  );
}
