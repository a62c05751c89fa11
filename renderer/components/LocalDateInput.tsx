import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.ts';
import { parseLocalDate } from './local-date.ts';
import { ParsedTextInput } from './ParsedTextInput.tsx';
import './local-date-input.css';

interface LocalDateInputProps {
  id: string;
  /** The stored date (YYYY-MM-DD), or '' for none. */
  value: string;
  /** A valid date or '' (cleared); text that is no date is kept in the field and reported, not passed on. */
  onChange: (isoDate: string) => void;
  onBlur: () => void;
  /** Told whenever the typed text turns into no date or back: the caller must not claim the field is saved. */
  onInvalidChange?: (invalid: boolean) => void;
}

/**
 * A date typed in the UI language's form (fi: 23.11.2026), whatever the browser's or the system's locale: the
 * native date input follows the operating system, which may differ from the language chosen in the app.
 */
export function LocalDateInput(props: LocalDateInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // format.date changes with format.language only.
  const formatDate = useCallback((value: string) => format.date(value), [format.language]);
  const example = format.date('2026-11-23');
  return (
    <ParsedTextInput
      {...props}
      parse={parseLocalDate}
      format={formatDate}
      hint={t('consensus.plan.dateFormat', { example })}
      invalidText={t('consensus.plan.dateInvalid', { example })}
    />
  );
}
