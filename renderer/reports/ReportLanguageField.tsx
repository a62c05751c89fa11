import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type ReportLanguage = 'fi' | 'sv' | 'en';
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['fi', 'sv', 'en'];

interface ReportLanguageFieldProps {
  language: ReportLanguage;
  onChange: (language: ReportLanguage) => void;
  error: string | null;
}

/** The report's language, as radio buttons (three choices: all visible at once, arrow keys move between them). */
export function ReportLanguageField({ language, onChange, error }: ReportLanguageFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field report-language" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{t('reports.language.legend')}</legend>
      <div className="report-language__options">
        {REPORT_LANGUAGES.map((code) => (
          <div key={code} className="radio-option">
            <input
              id={`${id}-${code}`}
              type="radio"
              name={`${id}-language`}
              value={code}
              checked={language === code}
              onChange={() => onChange(code)}
            />
            <label htmlFor={`${id}-${code}`}>{t(`reports.language.name.${code}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
