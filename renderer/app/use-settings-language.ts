import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLanguage } from '../i18n/i18n.ts';
import type { ApiClient } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';

/**
 * The settings file is where the UI language lives; localStorage only gives the first paint its language. Once
 * `settings.get` answers, its language is used, unless the user switched in the meantime (their choice wins and
 * is saved by the switcher). A failed read leaves the stored language as it is, silently.
 */
export function useSettingsLanguage() {
  const { i18n } = useTranslation();
  const api = useApi();

  useEffect(() => {
    let current = true;
    let switched = false;
    const onChange = () => {
      switched = true;
    };
    i18n.on('languageChanged', onChange);
    api.call('settings.get', {}).then(
      (settings) => {
        i18n.off('languageChanged', onChange);
        if (current && !switched && isUiLanguage(settings.language) && settings.language !== i18n.language) void i18n.changeLanguage(settings.language);
      },
      () => {
        // The language from localStorage stays; nothing to tell the user.
      },
    );
    return () => {
      current = false;
      i18n.off('languageChanged', onChange);
    };
  }, [api, i18n]);
}

/** Saves the chosen UI language in the settings file; a failure is not shown (localStorage keeps it for this computer). */
export function saveSettingsLanguage(api: ApiClient, language: string) {
  if (!isUiLanguage(language)) return;
  api.call('settings.update', { language }).catch(() => {
    // Switching already happened; the settings file catches up on the next switch.
  });
}
