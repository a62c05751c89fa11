import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScoresLowestAdvice } from '../components/ScoresLowestAdvice.tsx';
import { OFFERED_NOT_RATED_REASONS } from '../../scales/review-rules/not-rated.ts';
import type { NotRatedReason } from '../../scales/scoring.ts';

interface NotRatedDialogProps {
  /** "4. Integraatio: kuuluminen hoitotiimeihin" */
  itemLabel: string;
  reason: NotRatedReason | null;
  note: string;
  /**
   * The score the published scale gives this item when the service lacks what it asks (its lowest anchor), or
   * null when "the service model differs" is a fair reason here (scoresLowestWhenModelDiffers).
   */
  lowestScore: number | null;
  onSave: (reason: NotRatedReason, note: string) => void;
  /** Score the item `lowestScore` instead of leaving it unrated. */
  onScoreLowest: () => void;
  onClose: () => void;
}

/**
 * "Not rated" needs one of the facts file's three reasons and a note saying why, in a modal <dialog>: focus stays
 * inside, Escape cancels, and focus returns where it was. The published scale has no "not applicable": where an
 * item's lowest anchor describes a service that lacks what it asks, the dialog says the scale scores it 1 and
 * offers to do so.
 */
export function NotRatedDialog({ itemLabel, reason, note, lowestScore, onSave, onScoreLowest, onClose }: NotRatedDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [chosen, setChosen] = useState<NotRatedReason>(reason ?? 'no-data');
  const [text, setText] = useState(note);
  const [noteMissing, setNoteMissing] = useState(false);
  const advise = chosen === 'model-differs' && lowestScore !== null;

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

  const noteHintId = `${id}-note-hint`;
  const noteErrorId = `${id}-note-error`;
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
        <fieldset className="field">
          <legend>{t('review.notRated.reason')}</legend>
          {OFFERED_NOT_RATED_REASONS.map((option) => (
            <div className="radio-option" key={option}>
              <input
                id={`${id}-reason-${option}`}
                type="radio"
                name={`${id}-reason`}
                value={option}
                checked={chosen === option}
                aria-describedby={`${id}-reason-${option}-hint`}
                onChange={() => setChosen(option)}
              />
              <label htmlFor={`${id}-reason-${option}`}>{t(`review.notRated.option.${option}`)}</label>
              <p id={`${id}-reason-${option}-hint`} className="field-hint">
                {t(`review.notRated.optionHint.${option}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <ScoresLowestAdvice shown={advise} score={lowestScore ?? 1} onScore={onScoreLowest} />
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('review.notRated.note')} <span className="required-mark">{t('siteForm.required')}</span>
          </label>
          <p id={noteHintId} className="field-hint">
            {t(`review.notRated.noteHint.${chosen}`)}
          </p>
          <textarea
            ref={noteRef}
            id={`${id}-note`}
            rows={4}
            required
            maxLength={20_000}
            value={text}
            aria-invalid={noteMissing ? true : undefined}
            aria-describedby={noteMissing ? `${noteHintId} ${noteErrorId}` : noteHintId}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim() !== '') setNoteMissing(false);
            }}
          />
          {noteMissing && (
            <p id={noteErrorId} className="field-error">
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
