import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageCode } from '../../scales/scale-schema.ts';
import { MESSAGES } from './messages.ts';

/** UI languages in the order the switcher shows them; Finnish is the default. */
export const UI_LANGUAGES: readonly LanguageCode[] = ['fi', 'sv', 'en'];
export const DEFAULT_LANGUAGE: LanguageCode = 'fi';
const STORAGE_KEY = 'ips.language';

export const isUiLanguage = (value: unknown): value is LanguageCode => UI_LANGUAGES.includes(value as LanguageCode);

function storedLanguage(storage: Storage | undefined): LanguageCode {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * One i18next instance for the app: messages bundled (no network), the chosen language remembered in
 * localStorage, and <html lang> kept in step so screen readers pronounce the text right.
 */
export function createI18n(doc: Document = document, storage: Storage | undefined = globalThis.localStorage): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on('languageChanged', (language) => {
    doc.documentElement.lang = language;
    try {
      storage?.setItem(STORAGE_KEY, language);
    } catch {
      // Storage may be unavailable (private mode); the language then lasts for this session only.
    }
  });
  // Messages are bundled, so initialisation completes synchronously (initAsync: false).
  void instance.init({
    resources: { fi: { translation: MESSAGES.fi }, sv: { translation: MESSAGES.sv }, en: { translation: MESSAGES.en } },
    lng: storedLanguage(storage),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  doc.documentElement.lang = instance.language;
  return instance;
}
