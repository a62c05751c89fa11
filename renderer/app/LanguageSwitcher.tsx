import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../i18n/i18n.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApi } from '../platform/api-context.tsx';
import { saveSettingsLanguage } from './use-settings-language.ts';

/** fi / sv / en as toggle buttons, each language named in itself (and marked with its lang); the choice is saved in the settings too. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = useUiLanguage();
  const api = useApi();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => {
            void i18n.changeLanguage(language);
            saveSettingsLanguage(api, language);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
