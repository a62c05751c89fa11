import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A message chosen at run time (an API issue's code, a verification problem's code): its key and values, turned
 * into text when shown, so a language switch re-translates what is already on the screen.
 */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

export function useMessage(): (message: Message) => string {
  const { t } = useTranslation();
  // Keys built from codes cannot be checked at compile time; every code the API documents has a key in all three files.
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  return useCallback((message: Message) => translate(message.key, message.values), [translate]);
}
