import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { parseLocalTime } from './local-time.ts';
import { ParsedTextInput } from '../components/ParsedTextInput.tsx';

interface LocalTimeInputProps {
  id: string;
  /** The stored time (HH:MM), or '' for none. */
  value: string;
  onChange: (time: string) => void;
  onBlur: () => void;
  onInvalidChange?: (invalid: boolean) => void;
  /** E.g. the end time before the start: shown at the field. */
  otherError?: string | null;
}

/** A time of day typed in the UI language's form (fi and sv 9.30, en 9:30); "930" and "9" are read too. */
export function LocalTimeInput(props: LocalTimeInputProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const format = useCallback((value: string) => formatClockTime(value, language), [language]);
  const example = formatClockTime('09:30', language);
  return (
    <ParsedTextInput
      {...props}
      className="time-input"
      parse={parseLocalTime}
      format={format}
      hint={t('consensus.plan.timeFormat', { example })}
      invalidText={t('consensus.plan.timeInvalid', { example })}
    />
  );
}

/** A time with its short visible label ("Alkaa") and, for screen readers, the row it belongs to ("Alkaa: source"). */
export function TimeField({ label, fullLabel, ...input }: LocalTimeInputProps & { label: string; fullLabel: string }) {
  return (
    <div>
      <label htmlFor={input.id}>
        <span aria-hidden="true">{label}</span>
        <span className="visually-hidden">{fullLabel}</span>
      </label>
      <LocalTimeInput {...input} />
    </div>
  );
}
