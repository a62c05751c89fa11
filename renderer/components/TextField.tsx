import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import './text-field.css';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  /** 'required' or 'optional' is said after the label, in words, not only by an asterisk. */
  mark?: 'required' | 'optional';
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error, both tied to it by aria-describedby. */
export function TextField({ label, value, onChange, type = 'text', mark, hint, error, autoComplete, maxLength, inputRef }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {mark && <span className="required-mark"> {t(mark === 'required' ? 'reports.identity.required' : 'reports.identity.optional')}</span>}
      </label>
      <input
        ref={inputRef}
        id={id}
        // Password fields are styled like text fields (app.css styles type=text only).
        className="report-input"
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required={mark === 'required' ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        maxLength={maxLength}
        spellCheck={false}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
