import { useEffect, useId, useState } from 'react';

export interface ParsedTextInputProps {
  id: string;
  /** The stored value in its canonical form (a date YYYY-MM-DD, a time HH:MM), or '' for none. */
  value: string;
  parse: (text: string) => string | null;
  /** The canonical value as the UI language writes it; a new function when the language changes. */
  format: (value: string) => string;
  /** A valid value or '' (cleared); text that does not parse is kept in the field and reported, not passed on. */
  onChange: (value: string) => void;
  onBlur: () => void;
  /** Told whenever the typed text turns unreadable or back: the caller must not claim the field is saved. */
  onInvalidChange?: (invalid: boolean) => void;
  /** Read out with the field: the expected form. */
  hint: string;
  /** Shown, and the field marked invalid, while the typed text does not parse. */
  invalidText: string;
  /** An error the caller finds in a valid value (e.g. an end time before the start), shown the same way. */
  otherError?: string | null;
  inputMode?: 'numeric' | 'decimal' | 'text';
  className?: string;
}

/**
 * A value typed in the UI language's form (fi: 23.11.2026, 9.30), whatever the browser's or the system's locale:
 * native date and time inputs follow the operating system, which may differ from the language chosen in the app.
 */
export function ParsedTextInput({ id, value, parse, format, onChange, onBlur, onInvalidChange, hint, invalidText, otherError, inputMode = 'numeric', className }: ParsedTextInputProps) {
  const hintId = useId();
  const [text, setText] = useState(() => (value ? format(value) : ''));
  const [focused, setFocused] = useState(false);
  const unreadable = (candidate: string) => candidate.trim() !== '' && parse(candidate) === null;
  const invalid = unreadable(text);
  const error = invalid ? invalidText : otherError ?? null;

  // Follow the stored value and the UI language while the user is not typing here; unreadable text stays (with its
  // error) until corrected.
  useEffect(() => {
    if (focused) return;
    setText((current) => (unreadable(current) ? current : value ? format(value) : ''));
  }, [value, focused, format]);

  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        className={className}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (unreadable(next) !== invalid) onInvalidChange?.(unreadable(next));
          if (next.trim() === '') onChange('');
          else {
            const parsed = parse(next);
            if (parsed) onChange(parsed);
          }
        }}
        onBlur={() => {
          setFocused(false);
          onBlur();
        }}
      />
      <span id={hintId} className={error ? 'field-error date-hint' : 'visually-hidden'}>
        {error ?? hint}
      </span>
    </>
  );
}
