import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.ts';
import { parseLocalDate } from './local-date.ts';
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
export function LocalDateInput({ id, value, onChange, onBlur, onInvalidChange }: LocalDateInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const hintId = useId();
  const [text, setText] = useState(() => (value ? format.date(value) : ''));
  const [focused, setFocused] = useState(false);
  const invalid = text.trim() !== '' && parseLocalDate(text) === null;

  // Follow the stored value and the UI language while the user is not typing here; text that is no date stays
  // (with its error) until corrected. format.date changes with format.language only.
  useEffect(() => {
    if (focused) return;
    setText((current) => (current.trim() !== '' && parseLocalDate(current) === null ? current : value ? format.date(value) : ''));
  }, [value, focused, format.language]);

  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={hintId}
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          setText(e.target.value);
          const nowInvalid = e.target.value.trim() !== '' && parseLocalDate(e.target.value) === null;
          if (nowInvalid !== invalid) onInvalidChange?.(nowInvalid);
          if (e.target.value.trim() === '') onChange('');
          else {
            const parsed = parseLocalDate(e.target.value);
            if (parsed) onChange(parsed);
          }
        }}
        onBlur={() => {
          setFocused(false);
          onBlur();
        }}
      />
      <span id={hintId} className={invalid ? 'field-error date-hint' : 'visually-hidden'}>
        {invalid
          ? t('consensus.plan.dateInvalid', { example: format.date('2026-11-23') })
          : t('consensus.plan.dateFormat', { example: format.date('2026-11-23') })}
      </span>
    </>
  );
}
