import { useId, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import './file-field.css';

interface FileFieldProps {
  label: string;
  accept: string;
  onChange: (file: File | null) => void;
  mark?: 'required';
  hint?: string;
  error?: string | null;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** The file's name when it came another way (dropped on the page); the input's own choice otherwise. */
  chosenName?: string | null;
}

/**
 * A file input whose button and "no file chosen" are in the UI language (the native control words them in the
 * browser's or the system's language). The input itself stays in the page, visually hidden: it takes the focus
 * and the keyboard (Space or Enter opens the dialog) and is named by its label; the look-alike button beside it
 * only forwards a click, and shows the input's focus ring.
 */
export function FileField({ label, accept, onChange, mark, hint, error, inputRef, chosenName }: FileFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;
  const [fileName, setFileName] = useState<string | null>(null);
  const describedBy = [`${id}-chosen`, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0] ?? null;
    setFileName(file?.name ?? null);
    onChange(file);
  };
  return (
    <div className="field file-field">
      <label htmlFor={id}>
        {label}
        {mark && <span className="required-mark"> {t('reports.identity.required')}</span>}
      </label>
      <input
        ref={ref}
        id={id}
        className="file-field__input"
        type="file"
        accept={accept}
        aria-required={mark === 'required' ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={change}
      />
      <div className="file-field__row">
        <span className="file-field__button" aria-hidden="true" onClick={() => ref.current?.click()}>
          {t('reports.file.choose')}
        </span>
        <span id={`${id}-chosen`} className="file-field__chosen">
          {(chosenName !== undefined ? chosenName : fileName) ?? t('reports.file.none')}
        </span>
      </div>
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
