import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface AutosaveTextAreaProps {
  label: string;
  hint?: string;
  value: string;
  /** Read-only: the text is shown as text, not as a disabled box (better contrast, still selectable). */
  readOnly: boolean;
  rows?: number;
  onChange: (text: string) => void;
  /** Leaving the field saves at once what was typed. */
  onBlur: () => void;
}

/** A free-text field that saves itself as the user types (see the editor's save state). */
export function AutosaveTextArea({ label, hint, value, readOnly, rows = 3, onChange, onBlur }: AutosaveTextAreaProps) {
  const { t } = useTranslation();
  const id = useId();
  if (readOnly) {
    return (
      <div className="field text-readonly">
        <span className="text-readonly__label">{label}</span>
        <p className={value.trim() === '' ? 'muted' : 'text-readonly__text'}>
          {value.trim() === '' ? t('review.text.empty') : value}
        </p>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <textarea id={id} rows={rows} maxLength={20_000} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
    </div>
  );
}
