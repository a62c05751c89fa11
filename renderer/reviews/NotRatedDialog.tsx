import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NotRatedReason } from '../../scales/scoring.ts';

interface NotRatedDialogProps {
  /** "4. Integraatio: kuuluminen hoitotiimeihin" */
  itemLabel: string;
  reason: NotRatedReason | null;
  note: string;
  onSave: (reason: NotRatedReason, note: string) => void;
  onClose: () => void;
}

/**
 * "Not rated" needs a reason code and a note saying why (the manual's "check for missing data"), in a modal
 * <dialog>: focus stays inside, Escape cancels, and focus returns where it was.
 */
export function NotRatedDialog({ itemLabel, reason, note, onSave, onClose }: NotRatedDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [chosen, setChosen] = useState<NotRatedReason>(reason ?? 'no-data');
  const [text, setText] = useState(note);
  const [noteMissing, setNoteMissing] = useState(false);

  // Focus goes back where it was (an anchor, a button), also when the dialog leaves the page with its component.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setNoteMissing(true);
      noteRef.current?.focus();
      return;
    }
    onSave(chosen, text);
  }

  return (
    <dialog
      ref={dialogRef}
      className="review-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-item`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('review.notRated.title')}</h2>
        <p id={`${id}-item`} className="dialog-subject">
          {itemLabel}
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('review.notRated.reason')}</label>
          <select id={`${id}-reason`} value={chosen} onChange={(e) => setChosen(e.target.value as NotRatedReason)}>
            {NotRatedReason.options.map((option) => (
              <option key={option} value={option}>
                {t(`review.reason.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('review.notRated.note')} <span className="required-mark">{t('siteForm.required')}</span>
          </label>
          <p id={`${id}-note-hint`} className="field-hint">
            {t('review.notRated.noteHint')}
          </p>
          <textarea
            ref={noteRef}
            id={`${id}-note`}
            rows={4}
            required
            maxLength={20_000}
            value={text}
            aria-invalid={noteMissing ? true : undefined}
            aria-describedby={[`${id}-note-hint`, noteMissing ? `${id}-note-error` : ''].filter(Boolean).join(' ')}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim() !== '') setNoteMissing(false);
            }}
          />
          {noteMissing && (
            <p id={`${id}-note-error`} className="field-error">
              {t('review.notRated.noteRequired')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('review.notRated.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('review.notRated.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
